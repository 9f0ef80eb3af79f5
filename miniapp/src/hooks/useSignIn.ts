import { logIn } from '../auth/session';
import { useAction, type Action } from './useAction';

/** The explicit login after the member logged out or deleted the account. */
export function useSignIn(onSignedIn: () => void): Action<[], void> {
  return useAction(async () => {
    await logIn();
    onSignedIn();
  });
}
