import { Card } from 'antd';
import { useNavigate } from 'react-router';
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

/** 两步验证 from the account menu: sets up a new authenticator (the old one stops working once confirmed). */
export function TotpSetupPage() {
  const navigate = useNavigate();
  return (
    <Card title="两步验证" style={{ maxWidth: 480 }}>
      <TotpSetupForm onEnabled={() => navigate('/')} />
    </Card>
  );
}
