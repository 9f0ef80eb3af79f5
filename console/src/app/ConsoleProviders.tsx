import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { App as AntApp, ConfigProvider } from 'antd';
import zhCN from 'antd/locale/zh_CN';
import dayjs from 'dayjs';
import 'dayjs/locale/zh-cn';
import { useEffect, useState, type ReactNode } from 'react';
import { OpsApiError } from '../api/opsApiError';
import { onUnauthenticated } from '../api/unauthenticated';
import { setSession } from '../session/sessionQuery';
import { consoleTheme } from './consoleTheme';

dayjs.locale('zh-cn');

export function createConsoleQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      // A refusal (4xx) will not change on a retry; a lost connection may.
      queries: { retry: (failures, error) => failures < 2 && error instanceof OpsApiError && error.code === 'NETWORK_ERROR', refetchOnWindowFocus: false },
    },
  });
}

/** Chinese antd, the query cache, and the session ending on any 401 (which returns the operator to the login page). */
export function ConsoleProviders({ children, queryClient }: { children: ReactNode; queryClient?: QueryClient }) {
  const [client] = useState(() => queryClient ?? createConsoleQueryClient());
  useEffect(() => onUnauthenticated(() => setSession(client, null)), [client]);
  return (
    <ConfigProvider locale={zhCN} theme={consoleTheme}>
      <AntApp>
        <QueryClientProvider client={client}>{children}</QueryClientProvider>
      </AntApp>
    </ConfigProvider>
  );
}
