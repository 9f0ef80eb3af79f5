import type { SettingsVersion } from '@cakeday/shared';
import { Card, Table } from 'antd';
import { useState } from 'react';
import { useOpsQuery } from '../../api/useOps';
import { formatBusinessDateTime } from '../../format/businessTime';

const PAGE_SIZE = 10;

/** Saved versions, newest first. */
export function SettingsHistory() {
  const [page, setPage] = useState(1);
  const history = useOpsQuery('ops.settings.history', { page, pageSize: PAGE_SIZE });
  return (
    <Card title="历史版本" size="small" style={{ marginTop: 16 }}>
      <Table<SettingsVersion>
        size="small"
        rowKey="version"
        loading={history.isPending}
        dataSource={history.data?.items ?? []}
        pagination={{ current: page, pageSize: PAGE_SIZE, total: history.data?.total ?? 0, onChange: setPage }}
        columns={[
          { title: '版本', dataIndex: 'version' },
          { title: '生效时间', dataIndex: 'effectiveFrom', render: (value: string) => formatBusinessDateTime(value) },
          { title: '修改人', render: (_value, version) => version.createdBy?.displayName ?? '系统默认' },
          { title: '原因', dataIndex: 'reason', render: (value: string | null) => value ?? '—' },
        ]}
      />
    </Card>
  );
}
