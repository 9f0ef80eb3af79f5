import { formatFen, type OpsMembersGetResponse } from '@cakeday/shared';
import { Descriptions, Tag } from 'antd';
import { formatBusinessDate, formatBusinessDateTime } from '../../format/businessTime';
import { memberStatusEnum } from './memberLabels';

/** Who the member is (masked) and where they stand: tier, spend towards the next, points. */
export function MemberProfile({ member }: { member: OpsMembersGetResponse }) {
  const { profile, tier, points } = member;
  const birthday = profile.birthday ? `${profile.birthday.month}月${profile.birthday.day}日${profile.birthday.yearKnown ? '（年份已隐藏）' : ''}` : '未设置';
  return (
    <Descriptions size="small" column={{ xs: 1, md: 2, xl: 3 }}>
      <Descriptions.Item label="昵称">{profile.nicknameMasked ?? '—'}</Descriptions.Item>
      <Descriptions.Item label="手机号">{profile.phoneMasked ?? '未绑定'}</Descriptions.Item>
      <Descriptions.Item label="生日">{birthday}</Descriptions.Item>
      <Descriptions.Item label="状态">
        <Tag color={profile.status === 'active' ? 'green' : 'default'}>{memberStatusEnum[profile.status].text}</Tag>
        {profile.deletedAt ? `（${formatBusinessDateTime(profile.deletedAt)}）` : null}
      </Descriptions.Item>
      <Descriptions.Item label="注册时间">{formatBusinessDateTime(profile.memberSince)}</Descriptions.Item>
      <Descriptions.Item label="开放平台">{profile.unionidLinked ? '已关联' : '未关联'}</Descriptions.Item>
      <Descriptions.Item label="等级">
        {tier.name}（{formatBusinessDate(tier.since)} 起）
      </Descriptions.Item>
      <Descriptions.Item label="近 12 个月消费">{formatFen(tier.rollingSpendFen)}</Descriptions.Item>
      <Descriptions.Item label="下一等级">{tier.next ? `${tier.next.name}，还差 ${formatFen(tier.next.remainingFen)}` : '已是最高等级'}</Descriptions.Item>
      <Descriptions.Item label="等级复核日">{tier.reviewOn}</Descriptions.Item>
      <Descriptions.Item label="积分余额">{points.balance}</Descriptions.Item>
      <Descriptions.Item label="30 天内过期">{points.expiringSoon.points}</Descriptions.Item>
    </Descriptions>
  );
}
