import type { Operator } from '@cakeday/shared';
import { Alert, Form, Input, Modal, Typography } from 'antd';
import { useOpsMutation } from '../../api/useOps';
import type { OneTimePassword } from './OneTimePasswordModal';

/** A new one-time password for an operator (their sessions end); the reason goes to the audit log. Mounted while open. */
export function ResetPasswordModal({ operator, onClose, onReset }: { operator: Operator; onClose: () => void; onReset: (shown: OneTimePassword) => void }) {
  const [form] = Form.useForm<{ reason: string }>();
  const reset = useOpsMutation('ops.operators.resetPassword', {
    onSuccess: ({ operator: updated, oneTimePassword }) => {
      onReset({ loginName: updated.loginName, displayName: updated.displayName, password: oneTimePassword, action: '的密码已重置' });
    },
  });
  return (
    <Modal
      open
      title={`重置密码：${operator.loginName}`}
      okText="重置密码"
      okButtonProps={{ danger: true }}
      onOk={() => form.submit()}
      onCancel={onClose}
      confirmLoading={reset.isPending}
    >
      <Typography.Paragraph>重置后将生成新的一次性密码并关闭两步验证；该运营人员的所有登录立即失效，下次登录须修改密码（需要时重新设置两步验证）。</Typography.Paragraph>
      <Form form={form} layout="vertical" requiredMark={false} onFinish={(values) => reset.mutate({ id: operator.id, reason: values.reason })}>
        {reset.error ? <Alert type="error" showIcon message={reset.error.message} style={{ marginBottom: 16 }} /> : null}
        <Form.Item label="原因" name="reason" rules={[{ required: true, whitespace: true, min: 2, max: 200, message: '请填写 2–200 字的原因' }]}>
          <Input.TextArea rows={2} placeholder="将记入操作日志" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
