import { Alert, Button, Form, Input } from 'antd';
import { useState } from 'react';
import { Navigate, useLocation, useNavigate } from 'react-router';
import { useQueryClient } from '@tanstack/react-query';
import { isOpsError } from '../api/opsApiError';
import { useOpsMutation } from '../api/useOps';
import { setSession } from '../session/sessionQuery';
import { useSessionQuery } from '../session/useSession';
import { AccountShell } from './AccountShell';

interface LoginValues {
  loginName: string;
  password: string;
  totpCode?: string;
}

/** Where to go after logging in: the page that sent the operator here, or the start page. */
function returnPath(state: unknown): string {
  const from = (state as { from?: unknown } | null)?.from;
  return typeof from === 'string' && from.startsWith('/') && !from.startsWith('/login') ? from : '/';
}

/** Name and password; a second step asks for the authenticator code when the BFF answers OPS_TOTP_REQUIRED. */
export function LoginPage() {
  const [form] = Form.useForm<LoginValues>();
  const [needsTotp, setNeedsTotp] = useState(false);
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const location = useLocation();
  const session = useSessionQuery();
  const login = useOpsMutation('ops.login', {
    onSuccess: (answer) => {
      setSession(queryClient, answer);
      navigate(returnPath(location.state), { replace: true });
    },
    onError: (error) => {
      if (isOpsError(error, 'OPS_TOTP_REQUIRED')) setNeedsTotp(true);
      if (isOpsError(error, 'OPS_TOTP_INVALID')) form.setFieldValue('totpCode', '');
    },
  });

  if (session.data) return <Navigate to={returnPath(location.state)} replace />;

  const submit = (values: LoginValues): void => {
    login.mutate({ loginName: values.loginName, password: values.password, ...(needsTotp ? { totpCode: values.totpCode } : {}) });
  };
  const prompt = isOpsError(login.error, 'OPS_TOTP_REQUIRED');

  return (
    <AccountShell title="Cakeday 运营后台">
      <Form form={form} layout="vertical" onFinish={submit} disabled={login.isPending} requiredMark={false}>
        {login.error ? <Alert type={prompt ? 'info' : 'error'} showIcon message={login.error.message} style={{ marginBottom: 16 }} /> : null}
        <Form.Item label="用户名" name="loginName" rules={[{ required: true, message: '请输入用户名' }]}>
          <Input autoComplete="username" autoFocus readOnly={needsTotp} />
        </Form.Item>
        <Form.Item label="密码" name="password" rules={[{ required: true, message: '请输入密码' }]}>
          <Input.Password autoComplete="current-password" readOnly={needsTotp} />
        </Form.Item>
        {needsTotp ? (
          <Form.Item
            label="动态验证码"
            name="totpCode"
            rules={[{ required: true, pattern: /^\d{6}$/, message: '请输入 6 位数字动态验证码' }]}
          >
            <Input inputMode="numeric" autoComplete="one-time-code" maxLength={6} autoFocus />
          </Form.Item>
        ) : null}
        <Button type="primary" htmlType="submit" block loading={login.isPending}>
          登录
        </Button>
      </Form>
    </AccountShell>
  );
}
