import { formatFen, type OpsOrderDetail } from '@cakeday/shared';
import { Alert, Card, Descriptions, Timeline, Typography } from 'antd';
import { formatBusinessDateTime } from '../../format/businessTime';

const refundStatusText = { PROCESSING: '退款处理中', SUCCESS: '退款成功', CLOSED: '退款关闭', ABNORMAL: '退款异常' } as const;

/** The WeChat Pay payment and the refund, as recorded. */
export function OrderPayment({ order }: { order: OpsOrderDetail }) {
  return (
    <Card title="支付与退款" size="small">
      <Descriptions size="small" column={{ xs: 1, md: 2 }} title="支付">
        {order.payment ? (
          <>
            <Descriptions.Item label="微信支付单号">{order.payment.transactionId}</Descriptions.Item>
            <Descriptions.Item label="支付金额">{formatFen(order.payment.amountFen)}</Descriptions.Item>
            <Descriptions.Item label="支付时间">{formatBusinessDateTime(order.payment.paidAt)}</Descriptions.Item>
          </>
        ) : (
          <Descriptions.Item label="支付">{order.cashTotalFen > 0 ? '未支付' : '纯积分订单，无现金支付'}</Descriptions.Item>
        )}
      </Descriptions>
      <Descriptions size="small" column={{ xs: 1, md: 2 }} title="退款" style={{ marginTop: 16 }}>
        {order.refund ? (
          <>
            <Descriptions.Item label="退款单号">{order.refund.outRefundNo ?? '—'}</Descriptions.Item>
            <Descriptions.Item label="状态">{order.refund.status ? refundStatusText[order.refund.status] : '退款中'}</Descriptions.Item>
            <Descriptions.Item label="申请时间">{formatBusinessDateTime(order.refund.requestedAt)}</Descriptions.Item>
            <Descriptions.Item label="申请人">{order.refund.requestedBy === 'member' ? '会员本人' : order.refund.requestedBy}</Descriptions.Item>
            <Descriptions.Item label="原因">{order.refund.reason ?? '—'}</Descriptions.Item>
          </>
        ) : (
          <Descriptions.Item label="退款">无</Descriptions.Item>
        )}
      </Descriptions>
    </Card>
  );
}

/** Every status the order went through, oldest first, with who moved it. */
export function OrderHistory({ order }: { order: OpsOrderDetail }) {
  return (
    <Card title="状态历史" size="small">
      {order.historyDerived ? (
        <Alert type="info" showIcon style={{ marginBottom: 16 }} message="该订单早于状态历史记录上线，以下由订单时间推算，可能缺少中间步骤。" />
      ) : null}
      <Timeline
        items={order.history.map((entry) => ({
          children: (
            <>
              <Typography.Text strong>{entry.statusLabel}</Typography.Text> {formatBusinessDateTime(entry.at)}
              {entry.by ? <Typography.Text type="secondary">（{entry.by}）</Typography.Text> : null}
            </>
          ),
        }))}
      />
    </Card>
  );
}
