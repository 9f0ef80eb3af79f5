import { Result } from 'antd';
import { useRoutes, type RouteObject } from 'react-router';
import { ChangePasswordPage, TotpSetupPage } from '../account/AccountPages';
import { LoginPage } from '../account/LoginPage';
import { consoleFeatures } from '../features';
import { ConsoleLayout } from '../layout/ConsoleLayout';
import { FeatureRoute } from './FeatureRoute';
import { HomePage } from './HomePage';
import { SessionGate } from './SessionGate';

/** The console's routes, relative to /console/: login, then everything behind the session gate and the menu. */
export const consoleRoutes: RouteObject[] = [
  { path: '/login', element: <LoginPage /> },
  {
    element: <SessionGate />,
    children: [
      {
        element: <ConsoleLayout />,
        children: [
          { index: true, element: <HomePage /> },
          { path: 'account/password', element: <ChangePasswordPage /> },
          { path: 'account/totp', element: <TotpSetupPage /> },
          ...consoleFeatures.map((feature) => ({ path: `${feature.path}/*`, element: <FeatureRoute feature={feature} /> })),
          { path: '*', element: <Result status="404" title="页面不存在" /> },
        ],
      },
    ],
  },
];

/** The routes under whichever router holds them (the browser's under /console, a test's in memory). */
export function ConsoleRoutes() {
  return useRoutes(consoleRoutes);
}
