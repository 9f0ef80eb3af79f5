import { diffSettings, type AuditEntry } from '@cakeday/shared';
import { Descriptions, Table, Typography } from 'antd';

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);
const shown = (value: unknown): string => (value === null || value === undefined ? '—' : typeof value === 'string' ? value : JSON.stringify(value));

/** Before and after as the changed fields (personal data arrives masked), and where the action came from. */
export function AuditChanges({ entry }: { entry: AuditEntry }) {
  const changes =
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
        dataSource={changes}
        locale={{ emptyText: '没有记录修改前后的内容' }}
        columns={[
          { title: '字段', dataIndex: 'path', render: (value: string) => <Typography.Text code>{value}</Typography.Text> },
          { title: '修改前', dataIndex: 'before', render: (value: unknown) => shown(value) },
          { title: '修改后', dataIndex: 'after', render: (value: unknown) => shown(value) },
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
