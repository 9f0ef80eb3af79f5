/**
 * What happens when the BFF answers 401 to a signed-in call (the session expired or was revoked): the app installs
 * a handler that forgets the session, which sends the operator back to the login page.
 */
type Handler = () => void;

let handler: Handler = () => undefined;

export function onUnauthenticated(next: Handler): () => void {
  handler = next;
  return () => {
    if (handler === next) handler = () => undefined;
  };
}

export function reportUnauthenticated(): void {
  handler();
}
