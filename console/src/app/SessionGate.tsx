import { Button, Flex, Result, Spin } from 'antd';
import { Navigate, Outlet, useLocation } from 'react-router';
import { RequiredSetup, requiredSetup } from '../account/RequiredSetup';
import { errorText } from '../api/opsApiError';
import { CurrentSessionProvider } from '../session/currentSession';
import { useSessionQuery } from '../session/useSession';

/** Everything but the login page: a session, then its required set-up, then the page with the operator's abilities. */
export function SessionGate() {
  const session = useSessionQuery();
  const location = useLocation();
  if (session.isPending) {
    return (
      <Flex justify="center" align="center" style={{ minHeight: '100vh' }}>
        <Spin size="large" />
      </Flex>
    );
  }
  if (session.error) {
    return (
      <Result
        status="error"
        title={errorText(session.error)}
        extra={<Button onClick={() => void session.refetch()}>重试</Button>}
      />
    );
  }
  if (!session.data) return <Navigate to="/login" replace state={{ from: `${location.pathname}${location.search}` }} />;
  const step = requiredSetup(session.data);
  return (
    <CurrentSessionProvider session={session.data}>
      {step ? <RequiredSetup step={step} displayName={session.data.operator.displayName} /> : <Outlet />}
    </CurrentSessionProvider>
  );
}
