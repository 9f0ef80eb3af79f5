import { formatFen, type OpsMembersGetResponse } from '@cakeday/shared';
import { Descriptions, Table, Tag, Typography } from 'antd';
import { Link } from 'react-router';
import { formatBusinessDate, formatBusinessDateTime } from '../../format/businessTime';
import { useOpsAbility } from '../../session/currentSession';
import { helpStateNames, referralStateNames } from './memberLabels';

type Data = OpsMembersGetResponse;
const dateTime = (value: string | null): string => (value ? formatBusinessDateTime(value) : '—');

/** The member's newest orders; the whole list is the orders page filtered by this member. */
export function MemberOrders({ memberId, orders }: { memberId: string; orders: Data['orders'] }) {
  const canReadOrders = useOpsAbility().can('read', 'Order');
  return (
    <>
      <Table<Data['orders']['latest'][number]>
        size="small"
        rowKey="id"
        pagination={false}
        dataSource={orders.latest}
        locale={{ emptyText: '没有订单' }}
        columns={[
          { title: '订单号', dataIndex: 'orderNo', render: (orderNo: string, order) => (canReadOrders ? <Link to={`/orders/${order.id}`}>{orderNo}</Link> : orderNo) },
          { title: '商品', dataIndex: 'itemTitle', render: (title: string, order) => `${title} × ${order.qty}${order.received ? '（好友赠送）' : ''}` },
          { title: '积分', dataIndex: 'pointsTotal' },
          { title: '现金', dataIndex: 'cashTotalFen', render: (fen: number) => formatFen(fen) },
          { title: '状态', dataIndex: 'statusLabel' },
          { title: '下单时间', dataIndex: 'createdAt', render: dateTime },
        ]}
      />
      {canReadOrders && orders.total > 0 ? (
        <Typography.Paragraph style={{ marginTop: 12 }}>
          <Link to={`/orders?memberId=${memberId}`}>在订单页查看全部 {orders.total} 个订单</Link>
        </Typography.Paragraph>
      ) : null}
    </>
  );
}

export function MemberCoupons({ coupons }: { coupons: Data['coupons'] }) {
  return (
    <>
      <Typography.Paragraph>
        可用 {coupons.available} 张，共 {coupons.total} 张（显示最近 {coupons.latest.length} 张）
      </Typography.Paragraph>
      <Table<Data['coupons']['latest'][number]>
        size="small"
        rowKey="id"
        pagination={false}
        dataSource={coupons.latest}
        locale={{ emptyText: '没有券' }}
        columns={[
          { title: '券', dataIndex: 'title', render: (title: string, coupon) => `${title}（${coupon.valueText}）` },
          { title: '来源', dataIndex: 'sourceLabel' },
          { title: '状态', dataIndex: 'statusLabel' },
          { title: '有效期至', dataIndex: 'validUntil', render: (value: string) => formatBusinessDate(value) },
          { title: '使用', render: (_value, coupon) => (coupon.usedAt ? `${dateTime(coupon.usedAt)} ${coupon.usedStoreName ?? ''}` : '—') },
        ]}
      />
    </>
  );
}

export function MemberConsents({ consents }: { consents: Data['consents'] }) {
  const titles = new Map(consents.statuses.map((status) => [status.purpose, status.title]));
  return (
    <>
      <Descriptions size="small" column={1} bordered>
        {consents.statuses.map((status) => (
          <Descriptions.Item key={status.purpose} label={status.title}>
            {status.granted ? <Tag color="green">已同意</Tag> : <Tag>未同意</Tag>}
            {status.grantedAt ? `${formatBusinessDateTime(status.grantedAt)}，版本 ${status.grantedVersion ?? '—'}` : null}
            {status.needsRenewal ? <Tag color="gold">说明已更新，待重新同意</Tag> : null}
          </Descriptions.Item>
        ))}
      </Descriptions>
      <Typography.Title level={5} style={{ marginTop: 24 }}>
        授权记录
      </Typography.Title>
      <Table<Data['consents']['records'][number]>
        size="small"
        rowKey={(record) => `${record.purpose}-${record.at}-${record.action}`}
        pagination={false}
        dataSource={consents.records}
        locale={{ emptyText: '没有授权记录' }}
        columns={[
          { title: '时间', dataIndex: 'at', render: dateTime },
          { title: '用途', dataIndex: 'purpose', render: (purpose: Data['consents']['records'][number]['purpose']) => titles.get(purpose) ?? purpose },
          { title: '操作', dataIndex: 'action', render: (action: string) => (action === 'grant' ? '同意' : '撤回') },
          { title: '说明版本', dataIndex: 'version' },
        ]}
      />
    </>
  );
}

type ReferralRow = NonNullable<Data['referrals']['referredBy']>;
const referralColumns = [
  { title: '会员', dataIndex: 'memberId', render: (id: string, row: ReferralRow) => <Link to={`/members/${id}`}>{row.nicknameMasked ?? id}</Link> },
  { title: '绑定时间', dataIndex: 'boundAt', render: dateTime },
  { title: '状态', dataIndex: 'state', render: (state: ReferralRow['state']) => referralStateNames[state] },
  { title: '奖励积分', dataIndex: 'points' },
];

export function MemberReferrals({ referrals }: { referrals: Data['referrals'] }) {
  return (
    <>
      <Typography.Paragraph>
        邀请人：
        {referrals.referredBy ? (
          <Link to={`/members/${referrals.referredBy.memberId}`}>{referrals.referredBy.nicknameMasked ?? referrals.referredBy.memberId}</Link>
        ) : (
          '无'
        )}
      </Typography.Paragraph>
      <Typography.Paragraph>
        已邀请 {referrals.invited.total} 人，其中 {referrals.invited.rewarded} 人已奖励
      </Typography.Paragraph>
      <Table<ReferralRow> size="small" rowKey="memberId" pagination={false} dataSource={referrals.invited.latest} columns={referralColumns} locale={{ emptyText: '没有邀请记录' }} />
    </>
  );
}

export function MemberHelpCampaigns({ campaigns }: { campaigns: Data['helpCampaigns'] }) {
  return (
    <Table<Data['helpCampaigns'][number]>
      size="small"
      rowKey="id"
      pagination={false}
      dataSource={campaigns}
      locale={{ emptyText: '没有生日助力' }}
      columns={[
        { title: '生日年份', dataIndex: 'celebrationYear' },
        { title: '礼物', dataIndex: 'giftTitle' },
        { title: '助力', render: (_value, campaign) => `${campaign.helpersCount} / ${campaign.goal}` },
        { title: '状态', dataIndex: 'state', render: (state: Data['helpCampaigns'][number]['state']) => helpStateNames[state] },
        { title: '开始', dataIndex: 'startedAt', render: dateTime },
        { title: '截止', dataIndex: 'expiresAt', render: dateTime },
        { title: '解锁', dataIndex: 'unlockedAt', render: dateTime },
      ]}
    />
  );
}
