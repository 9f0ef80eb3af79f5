import { useMutation, useQuery, type UseMutationOptions, type UseMutationResult, type UseQueryResult } from '@tanstack/react-query';
import { opsCall } from './opsClient';
import type { OpsInput, OpsJsonRouteName, OpsResponse } from './opsRoutes';
import type { OpsApiError } from './opsApiError';

/** A read through the route table, cached under `[name, input]`. */
export function useOpsQuery<N extends OpsJsonRouteName>(
  name: N,
  input: OpsInput<N>,
  options: { enabled?: boolean } = {},
): UseQueryResult<OpsResponse<N>, OpsApiError> {
  return useQuery({
    queryKey: [name, input],
    queryFn: ({ signal }) => opsCall(name, input, signal),
    enabled: options.enabled,
  });
}

/** A write through the route table. */
export function useOpsMutation<N extends OpsJsonRouteName>(
  name: N,
  options: Omit<UseMutationOptions<OpsResponse<N>, OpsApiError, OpsInput<N>>, 'mutationFn'> = {},
): UseMutationResult<OpsResponse<N>, OpsApiError, OpsInput<N>> {
  return useMutation({ ...options, mutationFn: (input) => opsCall(name, input) });
}
