import { Card, Result } from 'antd';
import { useNavigate } from 'react-router';
import { useCurrentSession } from '../session/currentSession';
import { ChangePasswordForm } from './ChangePasswordForm';
import { TotpSetupForm } from './TotpSetupForm';

/** 修改密码 from the account menu, inside the console. */
export function ChangePasswordPage() {
  const navigate = useNavigate();
  return (
    <Card title="修改密码" style={{ maxWidth: 480 }}>
      <ChangePasswordForm onChanged={() => navigate('/')} />
    </Card>
  );
}

/** 两步验证 from the account menu: sets it up once; the BFF refuses a second set-up while it is on. */
export function TotpSetupPage() {
  const navigate = useNavigate();
  const { operator } = useCurrentSession();
  return (
    <Card title="两步验证" style={{ maxWidth: 480 }}>
      {operator.totpEnabled ? (
        <Result status="success" title="两步验证已开启" subTitle="登录时需输入身份验证器上的动态验证码。如更换手机，请联系管理员重置密码后重新设置。" />
      ) : (
        <TotpSetupForm onEnabled={() => navigate('/')} />
      )}
    </Card>
  );
}
