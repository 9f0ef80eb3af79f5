/**
 * Platform files: ContactButton.weapp.tsx is WeChat's `<button open-type="contact">` (the brand's customer service
 * inbox); a browser has none, so ContactButton.h5.tsx shows nothing and the FAQ and store phones stand in.
 */
export declare function ContactButton(props: { compact?: boolean }): JSX.Element | null;
