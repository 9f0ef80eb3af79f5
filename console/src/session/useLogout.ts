import { useQueryClient } from '@tanstack/react-query';
import { useOpsMutation } from '../api/useOps';
import { setSession } from './sessionQuery';

/** Logs out here, or everywhere (every session of this operator); the app returns to the login page either way. */
export function useLogout() {
  const queryClient = useQueryClient();
  const logout = useOpsMutation('ops.logout', { onSettled: () => setSession(queryClient, null) });
  return (everywhere: boolean): void => logout.mutate({ everywhere });
}
