import { newPasswordSchema } from '@cakeday/shared';
import { useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Form, Input } from 'antd';
import { useOpsMutation } from '../api/useOps';
import { setSession } from '../session/sessionQuery';

interface PasswordValues {
  currentPassword: string;
  newPassword: string;
  confirmPassword: string;
}

/** The shared rule for new passwords (length, a letter and a digit), with its Chinese message. */
const newPasswordRule = {
  validator: async (_rule: unknown, value: string | undefined) => {
    const parsed = newPasswordSchema.safeParse(value ?? '');
    if (!parsed.success) throw new Error(parsed.error.issues[0]?.message ?? '密码不符合要求');
  },
};

export function ChangePasswordForm({ onChanged }: { onChanged: () => void }) {
  const [form] = Form.useForm<PasswordValues>();
  const queryClient = useQueryClient();
  const { message } = App.useApp();
  const change = useOpsMutation('ops.changePassword', {
    onSuccess: (session) => {
      setSession(queryClient, session);
      void message.success('密码已修改，其他设备上的登录已退出');
      onChanged();
    },
  });

  return (
    <Form
      form={form}
      layout="vertical"
      requiredMark={false}
      disabled={change.isPending}
      onFinish={(values) => change.mutate({ currentPassword: values.currentPassword, newPassword: values.newPassword })}
    >
      {change.error ? <Alert type="error" showIcon message={change.error.message} style={{ marginBottom: 16 }} /> : null}
      <Form.Item label="当前密码" name="currentPassword" rules={[{ required: true, message: '请输入当前密码' }]}>
        <Input.Password autoComplete="current-password" />
      </Form.Item>
      <Form.Item label="新密码" name="newPassword" extra="至少 10 位，须同时包含字母和数字" rules={[{ required: true, message: '请输入新密码' }, newPasswordRule]}>
        <Input.Password autoComplete="new-password" />
      </Form.Item>
      <Form.Item
        label="确认新密码"
        name="confirmPassword"
        dependencies={['newPassword']}
        rules={[
          { required: true, message: '请再次输入新密码' },
          ({ getFieldValue }) => ({
            validator: async (_rule, value) => {
              if (value && value !== getFieldValue('newPassword')) throw new Error('两次输入的新密码不一致');
            },
          }),
        ]}
      >
        <Input.Password autoComplete="new-password" />
      </Form.Item>
      <Button type="primary" htmlType="submit" block loading={change.isPending}>
        修改密码
      </Button>
    </Form>
  );
}
