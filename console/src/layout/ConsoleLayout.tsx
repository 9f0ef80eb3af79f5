import { ProLayout } from '@ant-design/pro-components';
import { Suspense, type ReactNode } from 'react';
import { Link, Outlet, useLocation } from 'react-router';
import { consoleFeatures } from '../features';
import { useCurrentSession, useOpsAbility } from '../session/currentSession';
import { PageLoading } from './PageLoading';
import { AccountMenu, rolesText } from './AccountMenu';
import { menuFor } from './menu';

const LOGO = (
  <span role="img" aria-label="Cakeday" style={{ fontSize: 24 }}>
    🎂
  </span>
);

/** The console's frame: the menu the operator's roles allow, their account menu, and the page. */
export function ConsoleLayout() {
  const session = useCurrentSession();
  const ability = useOpsAbility();
  const location = useLocation();
  return (
    <ProLayout
      title="Cakeday 运营后台"
      logo={LOGO}
      layout="mix"
      fixSiderbar
      location={{ pathname: location.pathname }}
      route={{ path: '/', children: menuFor(consoleFeatures, ability) }}
      menuItemRender={(item, dom) => (item.path ? <Link to={item.path}>{dom}</Link> : dom)}
      menu={{ type: 'group' }}
      avatarProps={{
        title: `${session.operator.displayName}（${rolesText(session)}）`,
        size: 'small',
        render: (_props, dom: ReactNode) => <AccountMenu>{dom}</AccountMenu>,
      }}
      token={{ pageContainer: { paddingBlockPageContainerContent: 16, paddingInlinePageContainerContent: 24 } }}
    >
      <Suspense fallback={<PageLoading />}>
        <Outlet />
      </Suspense>
    </ProLayout>
  );
}
