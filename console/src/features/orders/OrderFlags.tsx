import type { OpsOrderDetail } from '@cakeday/shared';
import { Card, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { formatBusinessDateTime } from '../../format/businessTime';
import { useOpsAbility } from '../../session/currentSession';
import { ResolveFlagModal } from './ResolveFlagModal';

type Flag = OpsOrderDetail['flags'][number];

/** The order's flags; an open one is marked handled with a note (the work queue's action). */
export function OrderFlags({ order, onChanged }: { order: OpsOrderDetail; onChanged: () => void }) {
  const [resolving, setResolving] = useState<Flag | null>(null);
  const canResolve = useOpsAbility().can('update', 'Order');
  if (order.flags.length === 0) return null;
  return (
    <Card title="异常标记" size="small">
      <Table<Flag>
        size="small"
        rowKey={(flag) => `${flag.reason}-${flag.at}`}
        pagination={false}
        dataSource={order.flags}
        columns={[
          { title: '异常', dataIndex: 'reasonLabel' },
          { title: '详情', dataIndex: 'detail' },
          { title: '时间', dataIndex: 'at', render: (value: string) => formatBusinessDateTime(value) },
          {
            title: '处理',
            render: (_value, flag) =>
              flag.resolvedAt ? (
                <>
                  <Tag color="green">已处理</Tag>
                  {flag.resolvedBy ?? ''} {formatBusinessDateTime(flag.resolvedAt)}：{flag.note}
                </>
              ) : (
                canResolve ? <Typography.Link onClick={() => setResolving(flag)}>标记为已处理</Typography.Link> : <Tag color="red">待处理</Tag>
              ),
          },
        ]}
      />
      {resolving ? (
        <ResolveFlagModal
          orderId={order.id}
          flag={resolving}
          onClose={() => setResolving(null)}
          onDone={() => {
            setResolving(null);
            onChanged();
          }}
        />
      ) : null}
    </Card>
  );
}
