/**
 * Platform files: ShareButton.weapp.tsx is WeChat's share button (the page's onShareAppMessage supplies the card);
 * ShareButton.h5.tsx copies a link to the landing page, since a browser has no share sheet.
 */
export interface ShareButtonProps {
  /** The landing page path with its query (ShareInfo.path). */
  path: string;
  text: string;
}

export declare function ShareButton(props: ShareButtonProps): JSX.Element;
