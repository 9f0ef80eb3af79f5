import { ProfileEditor } from './ProfileEditor';
import { useMember } from '../hooks/useMember';

/**
 * Before sharing a card: a member without a nickname or avatar is asked for them here, beside the share button,
 * so friends know whose card they opened. Never a gate: sharing works either way, and the card goes once both are set.
 */
export function ShareProfilePrompt(): JSX.Element | null {
  const member = useMember();
  const me = member.data;
  if (!me || (me.nickname && me.avatarUrl)) return null;
  return <ProfileEditor profile={me} hint='好友打开时会看到你的头像和昵称，方便认出你（可不填）' onSaved={() => void member.reload()} />;
}
