import { QueryClient } from '@tanstack/react-query';
import { render, type RenderResult } from '@testing-library/react';
import { MemoryRouter } from 'react-router';
import { ConsoleProviders } from '../src/app/ConsoleProviders';
import { ConsoleRoutes } from '../src/app/routes';
import { rememberSignedIn } from '../src/session/signedInHint';

/**
 * The whole console (providers, routes, session gate, layout) at `path`, as the browser would open it; with the
 * query client, for tests that check what the cache keeps.
 */
export function renderConsole(path: string, { signedIn }: { signedIn: boolean }): RenderResult & { queryClient: QueryClient } {
  rememberSignedIn(signedIn);
  const queryClient = new QueryClient({ defaultOptions: { queries: { retry: false }, mutations: { retry: false } } });
  const rendered = render(
    <ConsoleProviders queryClient={queryClient}>
      <MemoryRouter initialEntries={[path]}>
        <ConsoleRoutes />
      </MemoryRouter>
    </ConsoleProviders>,
  );
  return { ...rendered, queryClient };
}
