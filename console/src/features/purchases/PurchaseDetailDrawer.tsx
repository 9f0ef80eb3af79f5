import { couponStatusLabels, type CouponStatus, type OpsPurchaseDetail } from '@cakeday/shared';
import { Alert, Descriptions, Drawer, Empty, Spin, Table, Tag } from 'antd';
import { useOpsQuery } from '../../api/useOps';
import { formatBusinessDateTime } from '../../format/businessTime';
import { pointsText, purchaseStateNames, tierChangeText, yuan } from './purchaseText';

const refundStateNames: Record<OpsPurchaseDetail['refundRecords'][number]['state'], string> = { waiting: '等待消费入账', settled: '已退款', refused: '已拒绝' };

function PurchaseDetail({ purchase }: { purchase: OpsPurchaseDetail }) {
  return (
    <>
      <Descriptions column={2} bordered size="small" style={{ marginBottom: 16 }}>
        <Descriptions.Item label="小票号">{purchase.receiptNo}</Descriptions.Item>
        <Descriptions.Item label="状态">{purchaseStateNames[purchase.state]}</Descriptions.Item>
        <Descriptions.Item label="消费时间">{formatBusinessDateTime(purchase.purchasedAt)}</Descriptions.Item>
        <Descriptions.Item label="门店 / 渠道">{purchase.store ? purchase.store.name : '线上商城'}</Descriptions.Item>
        <Descriptions.Item label="接入">{purchase.integrationName ?? '—'}</Descriptions.Item>
        <Descriptions.Item label="会员 ID">{purchase.memberId}</Descriptions.Item>
        <Descriptions.Item label="合计">{yuan(purchase.totalFen)}</Descriptions.Item>
        <Descriptions.Item label="优惠">{yuan(purchase.discountFen)}</Descriptions.Item>
        <Descriptions.Item label="实付">{yuan(purchase.paidFen)}</Descriptions.Item>
        <Descriptions.Item label="已退款">{yuan(purchase.refundedFen)}</Descriptions.Item>
        <Descriptions.Item label="积分" span={2}>
          {pointsText(purchase)}
        </Descriptions.Item>
        <Descriptions.Item label="等级" span={2}>
          {tierChangeText(purchase)}
        </Descriptions.Item>
      </Descriptions>
      <Table
        size="small"
        rowKey={(line) => `${line.sku}-${line.name}`}
        title={() => '明细'}
        pagination={false}
        dataSource={purchase.lines}
        columns={[
          { title: 'SKU', dataIndex: 'sku' },
          { title: '品名', dataIndex: 'name' },
          { title: '数量', dataIndex: 'qty' },
          { title: '金额', dataIndex: 'amountFen', render: (fen: number) => yuan(fen) },
        ]}
        style={{ marginBottom: 16 }}
      />
      <Descriptions column={1} size="small" title="使用的券" style={{ marginBottom: 16 }}>
        {purchase.coupons.length === 0 ? (
          <Descriptions.Item label="券">无</Descriptions.Item>
        ) : (
          purchase.coupons.map((coupon) => (
            <Descriptions.Item key={coupon.id} label={coupon.title}>
              <Tag>{couponStatusLabels[coupon.status as CouponStatus] ?? coupon.status}</Tag>
            </Descriptions.Item>
          ))
        )}
      </Descriptions>
      <Table
        size="small"
        rowKey="refundNo"
        title={() => '退款'}
        pagination={false}
        dataSource={purchase.refundRecords}
        locale={{ emptyText: '没有退款' }}
        columns={[
          { title: '退款单号', dataIndex: 'refundNo' },
          { title: '时间', dataIndex: 'at', render: (at: string) => formatBusinessDateTime(at) },
          { title: '金额', dataIndex: 'refundFen', render: (fen: number) => yuan(fen) },
          { title: '收回积分', dataIndex: 'pointsClawedBack', render: (points: number) => (points > 0 ? `−${points}` : '0') },
          { title: '退回抵现积分', dataIndex: 'pointsReturned', render: (points: number) => (points > 0 ? `+${points}` : '0') },
          { title: '状态', dataIndex: 'state', render: (state: OpsPurchaseDetail['refundRecords'][number]['state']) => refundStateNames[state] },
        ]}
      />
    </>
  );
}

/** One purchase: its amounts, lines, coupons, and every refund with the points it moved. */
export function PurchaseDetailDrawer({ purchaseId, onClose }: { purchaseId: string; onClose: () => void }) {
  const detail = useOpsQuery('ops.purchases.get', { id: purchaseId });
  return (
    <Drawer open width={760} title="消费详情" onClose={onClose}>
      {detail.isPending ? <Spin /> : detail.error ? <Alert type="error" showIcon message={detail.error.message} /> : detail.data ? <PurchaseDetail purchase={detail.data} /> : <Empty />}
    </Drawer>
  );
}
