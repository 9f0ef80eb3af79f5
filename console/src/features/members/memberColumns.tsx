import type { ProColumns } from '@ant-design/pro-components';
import { TIER_LEVELS, tierNames, type OpsMemberRow } from '@cakeday/shared';
import { Link } from 'react-router';
import { formatBusinessDateTime } from '../../format/businessTime';
import { memberStatusEnum } from './memberLabels';

const tierEnum = Object.fromEntries(TIER_LEVELS.map((tier) => [tier, { text: tierNames[tier] }]));
const OBJECT_ID = /^[0-9a-fA-F]{24}$/;

/** The member table; 手机号, 会员编号, 昵称, 等级, 状态 and 注册时间 double as the search form (the route's filters). */
export const memberColumns: ProColumns<OpsMemberRow>[] = [
  {
    title: '手机号',
    dataIndex: 'phone',
    hideInTable: true,
    fieldProps: { placeholder: '完整手机号，精确匹配' },
    formItemProps: { rules: [{ pattern: /^\+?[\d\s-]{5,24}$/, message: '请输入完整手机号' }] },
  },
  {
    title: '会员编号',
    dataIndex: 'id',
    copyable: true,
    formItemProps: { rules: [{ pattern: OBJECT_ID, message: '会员编号为 24 位字符' }] },
    render: (_dom, member) => <Link to={`/members/${member.id}`}>{member.id}</Link>,
  },
  { title: '昵称', dataIndex: 'nicknameMasked', fieldProps: { placeholder: '昵称包含' }, render: (_dom, member) => member.nicknameMasked ?? '—' },
  { title: '手机号', dataIndex: 'phoneMasked', hideInSearch: true, render: (_dom, member) => member.phoneMasked ?? '未绑定' },
  { title: '等级', dataIndex: 'tier', valueType: 'select', valueEnum: tierEnum },
  { title: '积分', dataIndex: 'pointsBalance', hideInSearch: true },
  { title: '状态', dataIndex: 'status', valueType: 'select', valueEnum: memberStatusEnum },
  {
    title: '注册时间',
    dataIndex: 'memberSince',
    valueType: 'dateRange',
    fieldProps: { placeholder: ['开始日期', '结束日期'] },
    render: (_dom, member) => formatBusinessDateTime(member.memberSince),
  },
  { title: '操作', valueType: 'option', render: (_dom, member) => <Link to={`/members/${member.id}`}>查看</Link> },
];
