import { type MemberProfile } from '@cakeday/shared';
import { call } from '../api/client';
import { showSuccessToast } from '../components/feedback';
import { useAction, type Action } from './useAction';

export interface ProfileEdit {
  saveNickname: Action<[nickname: string], MemberProfile>;
  uploadAvatar: Action<[imageBase64: string], MemberProfile>;
}

/** The member's avatar (stored by the BFF) and nickname (content-checked by the BFF); `onSaved` gets the new profile. */
export function useProfileEdit(onSaved: (profile: MemberProfile) => void): ProfileEdit {
  const saveNickname = useAction(async (nickname: string) => {
    const profile = await call('members.update', { nickname });
    showSuccessToast(profile.nicknameInReview ? '昵称审核中' : '昵称已保存');
    onSaved(profile);
    return profile;
  });
  const uploadAvatar = useAction(async (imageBase64: string) => {
    const profile = await call('members.uploadAvatar', { imageBase64 });
    showSuccessToast('头像已更新');
    onSaved(profile);
    return profile;
  });
  return { saveNickname, uploadAvatar };
}
