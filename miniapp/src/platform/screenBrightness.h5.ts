/** A browser cannot change the screen's brightness. */
export function brightenWhileShown(): () => void {
  return () => undefined;
}
