import type { OpsSession } from '@cakeday/shared';
import { Button, Typography } from 'antd';
import { useLogout } from '../session/useLogout';
import { AccountShell } from './AccountShell';
import { ChangePasswordForm } from './ChangePasswordForm';
import { TotpSetupForm } from './TotpSetupForm';

/** What a session must do before anything else (the BFF refuses every other route until then), in order. */
export function requiredSetup(session: OpsSession): 'passwordChange' | 'totpEnrollment' | null {
  if (session.requires.passwordChange) return 'passwordChange';
  if (session.requires.totpEnrollment) return 'totpEnrollment';
  return null;
}

/** Shown instead of any page until the session's requirements are met; the session then shows the page asked for. */
export function RequiredSetup({ step, displayName }: { step: 'passwordChange' | 'totpEnrollment'; displayName: string }) {
  const logout = useLogout();
  const done = (): void => undefined; // the new session (without the requirement) re-renders the gate
  const leave = (
    <Button type="link" onClick={() => logout(false)} style={{ padding: 0 }}>
      退出登录
    </Button>
  );
  return step === 'passwordChange' ? (
    <AccountShell title="修改初始密码" extra={<Intro text={`${displayName}，首次登录或密码被重置后，须先设置自己的新密码。`} action={leave} />}>
      <ChangePasswordForm onChanged={done} />
    </AccountShell>
  ) : (
    <AccountShell title="开启两步验证" extra={<Intro text={`${displayName}，你的角色须开启两步验证后才能继续使用。`} action={leave} />}>
      <TotpSetupForm onEnabled={done} />
    </AccountShell>
  );
}

function Intro({ text, action }: { text: string; action: React.ReactNode }) {
  return (
    <Typography.Paragraph type="secondary">
      {text} {action}
    </Typography.Paragraph>
  );
}
