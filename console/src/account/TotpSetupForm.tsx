import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Flex, Form, Input, QRCode, Spin, Typography } from 'antd';
import { opsCall } from '../api/opsClient';
import { useOpsMutation } from '../api/useOps';
import { setSession } from '../session/sessionQuery';

/**
 * Two-factor set-up: a fresh secret as a QR code for the authenticator app (and as text to type in), then a code
 * from the app to confirm it. The secret is not in force until confirmed.
 */
export function TotpSetupForm({ onEnabled }: { onEnabled: () => void }) {
  const queryClient = useQueryClient();
  const { message } = App.useApp();
  const setup = useQuery({
    queryKey: ['ops.totp.setup'],
    queryFn: () => opsCall('ops.totp.setup', {}),
    staleTime: Infinity,
    gcTime: 0,
    retry: false,
  });
  const enable = useOpsMutation('ops.totp.enable', {
    onSuccess: (session) => {
      queryClient.removeQueries({ queryKey: ['ops.totp.setup'] });
      setSession(queryClient, session);
      void message.success('两步验证已开启');
      onEnabled();
    },
  });

  if (setup.isPending) return <Spin />;
  if (setup.error) return <Alert type="error" showIcon message={setup.error.message} />;
  return (
    <Flex vertical gap={16}>
      <Typography.Text>用身份验证器（如 Microsoft Authenticator、Google 身份验证器）扫描二维码，或手动输入密钥：</Typography.Text>
      <Flex justify="center">
        <QRCode value={setup.data.otpauthUri} type="svg" size={180} bordered={false} />
      </Flex>
      <Typography.Text code copyable style={{ wordBreak: 'break-all' }} data-testid="totp-secret">
        {setup.data.secret}
      </Typography.Text>
      <Form layout="vertical" requiredMark={false} disabled={enable.isPending} onFinish={(values: { code: string }) => enable.mutate({ code: values.code })}>
        {enable.error ? <Alert type="error" showIcon message={enable.error.message} style={{ marginBottom: 16 }} /> : null}
        <Form.Item label="动态验证码" name="code" rules={[{ required: true, pattern: /^\d{6}$/, message: '请输入验证器上的 6 位数字' }]}>
          <Input inputMode="numeric" autoComplete="one-time-code" maxLength={6} />
        </Form.Item>
        <Button type="primary" htmlType="submit" block loading={enable.isPending}>
          确认开启
        </Button>
      </Form>
    </Flex>
  );
}
