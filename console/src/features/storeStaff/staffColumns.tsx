import type { ProColumns } from '@ant-design/pro-components';
import type { OpsStoreStaff } from '@cakeday/shared';
import { Typography } from 'antd';
import { Link } from 'react-router';
import { formatBusinessDateTime } from '../../format/businessTime';
import { Can } from '../../session/currentSession';

const activeEnum = { true: { text: '在职', status: 'Success' }, false: { text: '已停用', status: 'Default' } };

/** The staff table; 状态 doubles as the search form (the store comes from the picker above). */
export function staffColumns({ deactivate, linkMembers }: { deactivate: (staff: OpsStoreStaff) => void; linkMembers: boolean }): ProColumns<OpsStoreStaff>[] {
  return [
    { title: '姓名', dataIndex: 'name', hideInSearch: true },
    { title: '门店', dataIndex: 'store', hideInSearch: true, render: (_dom, staff) => `${staff.store.name}（${staff.store.code}）` },
    {
      title: '会员',
      dataIndex: 'memberId',
      hideInSearch: true,
      render: (_dom, staff) => {
        const label = `${staff.memberNickname ?? '—'}${staff.memberId ? `（${staff.memberId}）` : ''}`;
        return staff.memberId && linkMembers ? <Link to={`/members/${staff.memberId}`}>{label}</Link> : label;
      },
    },
    { title: 'openid', dataIndex: 'openid', hideInSearch: true },
    { title: '状态', dataIndex: 'active', valueType: 'select', valueEnum: activeEnum },
    { title: '加入时间', dataIndex: 'createdAt', hideInSearch: true, render: (_dom, staff) => formatBusinessDateTime(staff.createdAt) },
    { title: '停用时间', dataIndex: 'deactivatedAt', hideInSearch: true, render: (_dom, staff) => (staff.deactivatedAt ? formatBusinessDateTime(staff.deactivatedAt) : '—') },
    {
      title: '操作',
      valueType: 'option',
      render: (_dom, staff) =>
        staff.active ? (
          <Can I="update" a="StoreStaff">
            <Typography.Link type="danger" onClick={() => deactivate(staff)}>
              停用
            </Typography.Link>
          </Can>
        ) : null,
    },
  ];
}
