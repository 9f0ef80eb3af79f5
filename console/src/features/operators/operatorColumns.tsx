import type { ProColumns } from '@ant-design/pro-components';
import { OPERATOR_ROLES, operatorRoleNames, type Operator } from '@cakeday/shared';
import { Space, Tag, Typography } from 'antd';
import { formatBusinessDateTime } from '../../format/businessTime';
import { Can } from '../../session/currentSession';

const roleEnum = Object.fromEntries(OPERATOR_ROLES.map((role) => [role, { text: operatorRoleNames[role] }]));
const statusEnum = { active: { text: '正常', status: 'Success' }, disabled: { text: '已停用', status: 'Default' } };

export interface OperatorActions {
  edit: (operator: Operator) => void;
  resetPassword: (operator: Operator) => void;
}

/** The table's columns; `query`, `role` and `status` double as the search form (the route's filters). */
export function operatorColumns(actions: OperatorActions): ProColumns<Operator>[] {
  return [
    { title: '关键词', dataIndex: 'query', hideInTable: true, fieldProps: { placeholder: '登录名或名称' } },
    { title: '登录名', dataIndex: 'loginName', hideInSearch: true },
    { title: '名称', dataIndex: 'displayName', hideInSearch: true },
    {
      title: '角色',
      dataIndex: 'role',
      valueType: 'select',
      valueEnum: roleEnum,
      render: (_dom, operator) => (
        <Space size={4} wrap>
          {operator.roles.map((role) => (
            <Tag key={role}>{operatorRoleNames[role]}</Tag>
          ))}
        </Space>
      ),
    },
    { title: '所属门店', dataIndex: 'storeName', hideInSearch: true, render: (_dom, operator) => operator.storeName ?? '—' },
    { title: '状态', dataIndex: 'status', valueType: 'select', valueEnum: statusEnum },
    { title: '两步验证', dataIndex: 'totpEnabled', hideInSearch: true, render: (_dom, operator) => (operator.totpEnabled ? '已开启' : '未开启') },
    {
      title: '最近登录',
      dataIndex: 'lastLoginAt',
      hideInSearch: true,
      render: (_dom, operator) => (operator.lastLoginAt ? formatBusinessDateTime(operator.lastLoginAt) : '从未登录'),
    },
    {
      title: '操作',
      valueType: 'option',
      render: (_dom, operator) => (
        <Can I="update" a="Operator">
          <Space>
            <Typography.Link onClick={() => actions.edit(operator)}>编辑</Typography.Link>
            <Typography.Link onClick={() => actions.resetPassword(operator)}>重置密码</Typography.Link>
          </Space>
        </Can>
      ),
    },
  ];
}
