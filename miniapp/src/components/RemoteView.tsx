import { type ReactNode } from 'react';
import { type RemoteData } from '../hooks/useRemoteData';
import { useSignIn } from '../hooks/useSignIn';
import { isSignedOut } from '../auth/session';
import { ErrorView, SignedOutView } from './StateViews';

interface RemoteViewProps<T> {
  remote: RemoteData<T>;
  skeleton: ReactNode;
  children(data: T): ReactNode;
  /** What a NOT_FOUND shows instead of an error with a retry (a share that is gone: retrying cannot help). */
  notFound?: ReactNode;
}

/** Loading skeleton, logged-out prompt, error with retry, or the data (kept on screen while reloading). */
export function RemoteView<T>({ remote, skeleton, children, notFound }: RemoteViewProps<T>): JSX.Element {
  const signIn = useSignIn(() => void remote.reload());
  if (remote.data !== null) return <>{children(remote.data)}</>;
  if (remote.error) {
    const sessionError = remote.error.code === 'UNAUTHENTICATED' || remote.error.code === 'SESSION_EXPIRED';
    if (sessionError && isSignedOut()) return <SignedOutView pending={signIn.pending} onSignIn={() => void signIn.run()} />;
    if (notFound && remote.error.code === 'NOT_FOUND') return <>{notFound}</>;
    return <ErrorView message={remote.error.message} onRetry={() => void remote.reload()} />;
  }
  return <>{skeleton}</>;
}
