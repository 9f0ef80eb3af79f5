export function PrivacyAuthorization(): JSX.Element | null {
  return null;
}
