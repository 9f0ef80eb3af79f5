import { defineOpsAbility, type OpsAbility, type OpsSession } from '@cakeday/shared';
import { AbilityProvider, Can as CaslCan, useAbility, type CanProps } from '@casl/react';
import { createContext, useContext, useMemo, type ReactNode } from 'react';

/** The signed-in operator's permissions: the shared CASL rules the BFF checks every ops route against. */
export function abilityOf(session: OpsSession): OpsAbility {
  const { id, roles, storeId } = session.operator;
  return defineOpsAbility({ id, roles, storeId });
}

const SessionContext = createContext<OpsSession | null>(null);

/** Inside the session gate: the operator's session and the ability built from it. */
export function CurrentSessionProvider({ session, children }: { session: OpsSession; children: ReactNode }) {
  const ability = useMemo(() => abilityOf(session), [session]);
  return (
    <SessionContext.Provider value={session}>
      <AbilityProvider value={ability}>{children}</AbilityProvider>
    </SessionContext.Provider>
  );
}

export function useCurrentSession(): OpsSession {
  const session = useContext(SessionContext);
  if (!session) throw new Error('useCurrentSession outside the session gate');
  return session;
}

export function useOpsAbility(): OpsAbility {
  return useAbility<OpsAbility>();
}

/** `<Can I="update" a="Settings">…</Can>`: shows its children only to operators allowed to. */
export const Can = CaslCan as (props: CanProps<OpsAbility>) => ReactNode;
