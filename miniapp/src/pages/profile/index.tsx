import { Text, View } from '@tarojs/components';
import { CardSkeleton } from '../../components/CardSkeleton';
import { ProfileEditor } from '../../components/ProfileEditor';
import { RemoteView } from '../../components/RemoteView';
import { useMember } from '../../hooks/useMember';
import './index.scss';

/** 头像和昵称: what friends see on shared cards, help, gifts and invitations. */
export function ProfilePage(): JSX.Element {
  const member = useMember();
  return (
    <View className='profile'>
      <RemoteView remote={member} skeleton={<CardSkeleton cards={1} />}>
        {(me) => <ProfileEditor profile={me} onSaved={() => void member.reload()} />}
      </RemoteView>
      <Text className='profile__note'>
        头像和昵称会显示在你分享的心愿清单、助力卡和邀请里，也会显示给你送礼或助力过的好友。昵称会经过内容安全检查，审核通过前好友看到的是“微信好友”。不填写也可以正常使用所有功能。
      </Text>
    </View>
  );
}

export default ProfilePage;
