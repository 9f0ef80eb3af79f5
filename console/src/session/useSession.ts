import type { OpsSession } from '@cakeday/shared';
import { useQuery, type UseQueryResult } from '@tanstack/react-query';
import { fetchSession, SESSION_KEY } from './sessionQuery';

export function useSessionQuery(): UseQueryResult<OpsSession | null> {
  return useQuery({ queryKey: SESSION_KEY, queryFn: fetchSession, staleTime: 60_000, retry: false });
}
