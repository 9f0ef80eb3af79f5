import { ArrowLeftOutlined } from '@ant-design/icons';
import { tierNames, type OpsOrderDetail } from '@cakeday/shared';
import { useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Card, Descriptions, Space, Spin, Tag, Typography } from 'antd';
import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { useOpsQuery } from '../../api/useOps';
import { formatBusinessDateTime } from '../../format/businessTime';
import { Can } from '../../session/currentSession';
import { OrderFlags } from './OrderFlags';
import { OrderHistory, OrderPayment } from './OrderRecords';
import { RefundModal } from './RefundModal';

const refundBlockerText = { already_refunded: '已退款', not_fulfilled: '订单尚未完成，不能退款', used: '已在门店核销，不能退款（补偿请用积分调整）' } as const;

/** An order's page: what was bought and by whom, its state history, payment and refund records, flags, refund. */
export function OrderDetail() {
  const orderId = useParams().orderId ?? '';
  const order = useOpsQuery('ops.orders.get', { orderId });
  const queryClient = useQueryClient();
  const [refunding, setRefunding] = useState(false);
  const refresh = (): void => void queryClient.invalidateQueries({ predicate: (query) => String(query.queryKey[0]).startsWith('ops.orders.') });
  const back = (
    <Link to="/orders">
      <ArrowLeftOutlined /> 返回订单列表
    </Link>
  );
  if (order.isPending) return <Spin />;
  if (order.error) return <Alert type="error" showIcon message={order.error.message} action={back} />;
  const data = order.data;
  const blocker = data.actions.refundBlocker;

  return (
    <Space direction="vertical" size={16} style={{ width: '100%' }}>
      {back}
      <Card
        title={`订单 ${data.orderNo}`}
        extra={
          <Can I="refund" a="Order">
            {data.actions.canRefund ? (
              <Button danger onClick={() => setRefunding(true)}>
                {data.status === 'refunding' ? '继续退款' : '退款'}
              </Button>
            ) : blocker ? (
              <Typography.Text type="secondary">{refundBlockerText[blocker]}</Typography.Text>
            ) : null}
          </Can>
        }
      >
        <Descriptions size="small" column={{ xs: 1, md: 2, xl: 3 }}>
          <Descriptions.Item label="状态">
            <Tag>{data.statusLabel}</Tag>
          </Descriptions.Item>
          <Descriptions.Item label="商品">
            {data.item.title} × {data.qty}
          </Descriptions.Item>
          <Descriptions.Item label="金额">{data.priceText}</Descriptions.Item>
          <Descriptions.Item label="购买会员">
            <Link to={`/members/${data.buyerMemberId}`}>{data.buyer ? `${data.buyer.nickname ?? '—'}（${tierNames[data.buyer.tier]}）` : data.buyerMemberId}</Link>
          </Descriptions.Item>
          <Descriptions.Item label="收礼会员">{data.recipientMemberId ? <Link to={`/members/${data.recipientMemberId}`}>{data.recipientMemberId}</Link> : '—'}</Descriptions.Item>
          <Descriptions.Item label="下单时间">{formatBusinessDateTime(data.createdAt)}</Descriptions.Item>
          <Descriptions.Item label="发放">{fulfilmentText(data.fulfilment)}</Descriptions.Item>
          {data.failureCode ? <Descriptions.Item label="失败原因">{data.failureCode}</Descriptions.Item> : null}
          {data.cancelReason ? <Descriptions.Item label="取消原因">{data.cancelReason}</Descriptions.Item> : null}
        </Descriptions>
      </Card>
      <OrderFlags order={data} onChanged={refresh} />
      <OrderPayment order={data} />
      <OrderHistory order={data} />
      {refunding ? (
        <RefundModal
          order={data}
          onClose={() => setRefunding(false)}
          onDone={() => {
            setRefunding(false);
            refresh();
          }}
        />
      ) : null}
    </Space>
  );
}

function fulfilmentText(fulfilment: OpsOrderDetail['fulfilment']): string {
  if (!fulfilment) return '—';
  if (fulfilment.type === 'coupon') return `已发券：${fulfilment.couponTitle}`;
  if (fulfilment.type === 'donation') return `捐赠证书 ${fulfilment.certificateNo}`;
  return fulfilment.usedAt ? `${formatBusinessDateTime(fulfilment.usedAt)} 于 ${fulfilment.storeName ?? '门店'} 核销` : '待到店核销';
}
