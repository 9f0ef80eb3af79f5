/** No WeChat customer service in a browser. */
export function ContactButton(_props: { compact?: boolean }): null {
  return null;
}
