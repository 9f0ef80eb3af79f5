/** The weapp's pages scroll natively; nothing to do. */
export function makePagesKeyboardScrollable(): void {
  return undefined;
}
