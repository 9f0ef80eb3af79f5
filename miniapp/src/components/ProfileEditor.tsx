import { Input, Text, View } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import { NICKNAME_MAX_LENGTH, type MemberProfile } from '@cakeday/shared';
import { useEffect, useState } from 'react';
import { AvatarPicker } from './AvatarPicker';
import { InReviewMark } from './InReviewMark';
import { useProfileEdit } from '../hooks/useProfileEdit';
import './ProfileEditor.scss';

export interface ProfileEditorProps {
  profile: Pick<MemberProfile, 'nickname' | 'nicknameInReview' | 'avatarUrl'>;
  onSaved(profile: MemberProfile): void;
  /** Why we ask, shown above the fields (e.g. before sharing a card). */
  hint?: string;
}

/**
 * Avatar and nickname the way WeChat allows them: WeChat's avatar sheet and its nickname keyboard (which offers the
 * WeChat nickname). Both optional; nothing waits on them.
 */
export function ProfileEditor({ profile, onSaved, hint }: ProfileEditorProps): JSX.Element {
  const [nickname, setNickname] = useState(profile.nickname ?? '');
  useEffect(() => setNickname(profile.nickname ?? ''), [profile.nickname]);
  const edit = useProfileEdit(onSaved);
  const trimmed = nickname.trim();
  const unchanged = trimmed === (profile.nickname ?? '');

  return (
    <View className='profile-editor'>
      {hint ? <Text className='profile-editor__hint'>{hint}</Text> : null}
      <View className='profile-editor__row'>
        <AvatarPicker
          person={{ nickname: trimmed || '我', avatarUrl: profile.avatarUrl }}
          pending={edit.uploadAvatar.pending}
          onImage={(imageBase64) => void edit.uploadAvatar.run(imageBase64)}
        />
        <View className='profile-editor__name'>
          <Text className='profile-editor__label' id='profile-nickname-label'>
            昵称{profile.nicknameInReview ? <InReviewMark /> : null}
          </Text>
          <Input
            className='profile-editor__input'
            type='nickname'
            value={nickname}
            maxlength={NICKNAME_MAX_LENGTH}
            placeholder='填写昵称，好友会看到'
            aria-labelledby='profile-nickname-label'
            onInput={(event) => setNickname(event.detail.value)}
            // WeChat fills the nickname it offers without an input event; blur carries it.
            onBlur={(event) => setNickname(event.detail.value)}
          />
        </View>
      </View>
      <Button
        className='profile-editor__save'
        type='primary'
        block
        disabled={trimmed.length === 0 || unchanged}
        loading={edit.saveNickname.pending}
        onClick={() => void edit.saveNickname.run(trimmed)}
      >
        保存昵称
      </Button>
    </View>
  );
}
