import type { PointsAdjustmentView } from '@cakeday/shared';
import { Table, Tag } from 'antd';
import { useState } from 'react';
import { useOpsQuery } from '../../api/useOps';
import { formatBusinessDateTime } from '../../format/businessTime';
import { signedPoints } from './memberLabels';

const PAGE_SIZE = 5;

/** This member's manual adjustments, whoever asked, with their state. */
export function MemberAdjustments({ memberId }: { memberId: string }) {
  const [page, setPage] = useState(1);
  const adjustments = useOpsQuery('ops.points.adjustments.list', { memberId, page, pageSize: PAGE_SIZE });
  return (
    <Table<PointsAdjustmentView>
      size="small"
      rowKey="id"
      loading={adjustments.isPending}
      dataSource={adjustments.data?.items ?? []}
      pagination={{ current: page, pageSize: PAGE_SIZE, total: adjustments.data?.total ?? 0, onChange: setPage, showSizeChanger: false }}
      locale={{ emptyText: adjustments.error ? adjustments.error.message : '没有人工调整' }}
      columns={[
        { title: '申请时间', dataIndex: 'requestedAt', render: (value: string) => formatBusinessDateTime(value) },
        { title: '积分', dataIndex: 'points', render: (points: number) => signedPoints(points) },
        { title: '原因', dataIndex: 'reason' },
        { title: '会员看到', dataIndex: 'memberText' },
        { title: '申请人', render: (_value, adjustment) => adjustment.requestedBy.displayName },
        { title: '状态', dataIndex: 'stateLabel', render: (label: string, adjustment) => <Tag color={adjustment.state === 'applied' ? 'green' : adjustment.state === 'pending' ? 'gold' : 'default'}>{label}</Tag> },
      ]}
    />
  );
}
