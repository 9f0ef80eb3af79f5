import { ArrowLeftOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Space, Spin, Tabs, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { Link, useParams } from 'react-router';
import { useOpsQuery } from '../../api/useOps';
import { Can } from '../../session/currentSession';
import { AdjustPointsModal } from './AdjustPointsModal';
import { MemberConsents, MemberCoupons, MemberHelpCampaigns, MemberOrders, MemberReferrals } from './MemberActivity';
import { MemberPoints } from './MemberPoints';
import { MemberProfile } from './MemberProfile';
import { RevealModal } from './RevealModal';

/** A member's page (`ops.members.get`): profile and tier, points, orders, coupons, consents, referrals and help — masked. */
export function MemberDetail() {
  const memberId = useParams().memberId ?? '';
  const member = useOpsQuery('ops.members.get', { memberId });
  const [revealing, setRevealing] = useState(false);
  const [adjusting, setAdjusting] = useState(false);
  const [adjustments, setAdjustments] = useState(0);
  const queryClient = useQueryClient();
  // After the modal has gone (its own queries with it, so no request of it is cut off): the balance, lots and ledger.
  useEffect(() => {
    if (adjustments > 0) void queryClient.invalidateQueries({ predicate: (query) => /^ops\.(members\.get|points\.)/.test(String(query.queryKey[0])) });
  }, [adjustments, queryClient]);

  const back = (
    <Link to="/members">
      <ArrowLeftOutlined /> 返回会员列表
    </Link>
  );
  if (member.isPending) return <Spin />;
  if (member.error) return <Alert type="error" showIcon message={member.error.message} action={back} />;
  const data = member.data;
  const active = data.profile.status === 'active';

  return (
    <Space direction="vertical" size={16} style={{ width: '100%' }}>
      {back}
      <Card
        title={<Typography.Text>会员 {data.profile.id}</Typography.Text>}
        extra={
          <Space>
            <Can I="reveal" a="MemberPersonalData">
              <Button onClick={() => setRevealing(true)} disabled={!active}>
                查看完整信息
              </Button>
            </Can>
            <Can I="create" a="PointsAdjustment">
              <Button type="primary" onClick={() => setAdjusting(true)} disabled={!active}>
                积分调整
              </Button>
            </Can>
          </Space>
        }
      >
        <MemberProfile member={data} />
      </Card>
      <Card>
        <Tabs
          items={[
            { key: 'points', label: '积分', children: <MemberPoints memberId={data.profile.id} points={data.points} /> },
            { key: 'orders', label: `订单（${data.orders.total}）`, children: <MemberOrders memberId={data.profile.id} orders={data.orders} /> },
            { key: 'coupons', label: `券（${data.coupons.total}）`, children: <MemberCoupons coupons={data.coupons} /> },
            { key: 'consents', label: '授权', children: <MemberConsents consents={data.consents} /> },
            { key: 'referrals', label: `邀请（${data.referrals.invited.total}）`, children: <MemberReferrals referrals={data.referrals} /> },
            { key: 'help', label: `生日助力（${data.helpCampaigns.length}）`, children: <MemberHelpCampaigns campaigns={data.helpCampaigns} /> },
          ]}
        />
      </Card>
      {revealing ? <RevealModal memberId={data.profile.id} onClose={() => setRevealing(false)} /> : null}
      {adjusting ? (
        <AdjustPointsModal
          memberId={data.profile.id}
          balance={data.points.balance}
          onClose={(adjusted) => {
            setAdjusting(false);
            if (adjusted) setAdjustments((count) => count + 1);
          }}
        />
      ) : null}
    </Space>
  );
}
