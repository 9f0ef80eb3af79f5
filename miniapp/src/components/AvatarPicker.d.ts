import { type Person } from '@cakeday/shared';

/**
 * Platform files: AvatarPicker.weapp.tsx is WeChat's `<button open-type="chooseAvatar">` (WeChat's own avatar
 * sheet, which checks the picture); AvatarPicker.h5.tsx is a file input. Both hand over the picture's bytes, base64.
 */
export interface AvatarPickerProps {
  person: Person;
  pending: boolean;
  onImage(imageBase64: string): void;
}

export declare function AvatarPicker(props: AvatarPickerProps): JSX.Element;
