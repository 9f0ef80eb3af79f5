import type { SettingsChange } from '@cakeday/shared';
import { Table, Typography } from 'antd';
import { settingsFieldAt } from './settingsFields';
import { formatSettingValue } from './settingsValues';

/** The changed settings, each by its section and label, before → after in the unit operators read. */
export function SettingsDiff({ changes }: { changes: SettingsChange[] }) {
  const rows = changes.map((change) => {
    const known = settingsFieldAt(change.path);
    return {
      key: change.path,
      label: known ? `${known.section.title} · ${known.field.label}` : change.path,
      before: formatSettingValue(known?.field, change.before),
      after: formatSettingValue(known?.field, change.after),
    };
  });
  return (
    <Table
      size="small"
      pagination={false}
      dataSource={rows}
      columns={[
        { title: '设置项', dataIndex: 'label' },
        { title: '当前', dataIndex: 'before', render: (value: string) => <Typography.Text delete>{value}</Typography.Text> },
        { title: '修改为', dataIndex: 'after', render: (value: string) => <Typography.Text strong>{value}</Typography.Text> },
      ]}
    />
  );
}
