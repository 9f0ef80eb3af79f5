/**
 * Platform files: PhoneBindButton.weapp.tsx (WeChat's getPhoneNumber button) and PhoneBindButton.h5.tsx
 * (a code from the WeChat sandbox in development builds). Both hand over a single-use phone code.
 */
export interface PhoneBindButtonProps {
  pending: boolean;
  onCode(code: string): void;
}

export declare function PhoneBindButton(props: PhoneBindButtonProps): JSX.Element;
