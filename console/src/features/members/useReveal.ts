import type { OpsMembersRevealResponse } from '@cakeday/shared';
import { useCallback, useState } from 'react';
import { opsCall } from '../../api/opsClient';

type RevealState =
  | { status: 'idle' }
  | { status: 'pending' }
  | { status: 'revealed'; data: OpsMembersRevealResponse }
  | { status: 'failed'; error: unknown };

/**
 * `ops.members.reveal` for one view: the answer lives in this component's state only, never in the query cache (a
 * TanStack query or mutation would keep it after the modal closes), and goes with the component.
 */
export function useReveal(memberId: string) {
  const [state, setState] = useState<RevealState>({ status: 'idle' });
  const reveal = useCallback(
    async (reason: string) => {
      setState({ status: 'pending' });
      try {
        setState({ status: 'revealed', data: await opsCall('ops.members.reveal', { memberId, reason, fields: ['phone', 'birthday', 'nickname'] }) });
      } catch (error) {
        setState({ status: 'failed', error });
      }
    },
    [memberId],
  );
  const forget = useCallback(() => setState({ status: 'idle' }), []);
  return { state, reveal, forget };
}
