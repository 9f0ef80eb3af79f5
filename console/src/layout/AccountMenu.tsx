import { operatorRoleNames, type OpsSession } from '@cakeday/shared';
import { Dropdown, type MenuProps } from 'antd';
import type { ReactNode } from 'react';
import { useNavigate } from 'react-router';
import { useLogout } from '../session/useLogout';

export function rolesText(session: OpsSession): string {
  return session.operator.roles.map((role) => operatorRoleNames[role]).join('、');
}

/** The operator's own menu under their name: password, two-factor, logging out here or everywhere. */
export function AccountMenu({ children }: { children: ReactNode }) {
  const navigate = useNavigate();
  const logout = useLogout();
  const items: MenuProps['items'] = [
    { key: 'password', label: '修改密码', onClick: () => navigate('/account/password') },
    { key: 'totp', label: '两步验证', onClick: () => navigate('/account/totp') },
    { type: 'divider' },
    { key: 'logout', label: '退出登录', onClick: () => logout(false) },
    { key: 'logout-everywhere', label: '退出所有设备', onClick: () => logout(true) },
  ];
  return <Dropdown menu={{ items }}>{children}</Dropdown>;
}
