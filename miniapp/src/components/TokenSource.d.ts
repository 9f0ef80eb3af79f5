/**
 * Platform files: TokenSource.weapp.tsx scans the member's QR with WeChat's camera (Taro.scanCode);
 * TokenSource.h5.tsx has a text field to paste the token, since a browser has no scanner.
 */
export interface TokenSourceProps {
  pending: boolean;
  onToken(token: string): void;
}

export declare function TokenSource(props: TokenSourceProps): JSX.Element;
