import { diffSettings, type AuditEntry, type SettingsChange } from '@cakeday/shared';
import { Descriptions, Table, Typography } from 'antd';
import { settingsFieldAt } from '../settings/settingsFields';
import { formatSettingValue } from '../settings/settingsValues';

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);
const shown = (value: unknown): string => (value === null || value === undefined ? '—' : typeof value === 'string' ? value : JSON.stringify(value));

interface ChangeRow {
  path: string;
  label: string | null;
  before: string;
  after: string;
}

/** A settings change reads as the settings page shows it (会员等级 · 金卡门槛, ¥500); anything else as stored. */
function presentChange(subjectType: string, change: SettingsChange): ChangeRow {
  const known = subjectType === 'Settings' ? settingsFieldAt(change.path) : undefined;
  if (!known) return { path: change.path, label: null, before: shown(change.before), after: shown(change.after) };
  return {
    path: change.path,
    label: `${known.section.title} · ${known.field.label}`,
    before: formatSettingValue(known.field, change.before),
    after: formatSettingValue(known.field, change.after),
  };
}

/** Before and after as the changed fields (personal data arrives masked; diffSettings is a plain leaf diff), and where the action came from. */
export function AuditChanges({ entry }: { entry: AuditEntry }) {
  const changes: SettingsChange[] =
    isObject(entry.before) || isObject(entry.after)
      ? diffSettings(isObject(entry.before) ? entry.before : {}, isObject(entry.after) ? entry.after : {})
      : entry.before === entry.after
        ? []
        : [{ path: '(值)', before: entry.before, after: entry.after }];
  return (
    <>
      <Table
        size="small"
        pagination={false}
        rowKey="path"
        dataSource={changes.map((change) => presentChange(entry.subject.type, change))}
        locale={{ emptyText: '没有记录修改前后的内容' }}
        columns={[
          { title: '字段', dataIndex: 'path', render: (path: string, row: ChangeRow) => row.label ?? <Typography.Text code>{path}</Typography.Text> },
          { title: '修改前', dataIndex: 'before' },
          { title: '修改后', dataIndex: 'after' },
        ]}
      />
      <Descriptions size="small" column={{ xs: 1, md: 3 }} style={{ marginTop: 12 }}>
        <Descriptions.Item label="请求号">{entry.requestId ?? '—'}</Descriptions.Item>
        <Descriptions.Item label="IP">{entry.ip ?? '—'}</Descriptions.Item>
        <Descriptions.Item label="哈希">
          <Typography.Text code ellipsis style={{ maxWidth: 240 }}>
            {entry.hash}
          </Typography.Text>
        </Descriptions.Item>
      </Descriptions>
    </>
  );
}
