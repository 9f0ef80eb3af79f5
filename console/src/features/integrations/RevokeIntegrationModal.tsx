import type { OpsIntegration } from '@cakeday/shared';
import { Alert, Form, Modal } from 'antd';
import { useOpsMutation } from '../../api/useOps';
import { ReasonField } from '../../components/ReasonField';
import { WriteError } from '../../components/WriteError';

/** Revokes a key for good on the version loaded; the reason goes to the audit log. */
export function RevokeIntegrationModal({ integration, onClose, onRevoked }: { integration: OpsIntegration; onClose: () => void; onRevoked: () => void }) {
  const [form] = Form.useForm<{ reason: string }>();
  const revoke = useOpsMutation('ops.integrations.revoke', { onSuccess: onRevoked });
  return (
    <Modal open title={`停用接入：${integration.name}`} okText="停用" okButtonProps={{ danger: true }} onOk={() => form.submit()} onCancel={onClose} confirmLoading={revoke.isPending} maskClosable={false}>
      <Form form={form} layout="vertical" requiredMark={false} onFinish={(values) => revoke.mutate({ id: integration.id, version: integration.version, reason: values.reason })}>
        <WriteError error={revoke.error} onReload={onRevoked} />
        <Alert type="error" showIcon message="停用立即生效且不可恢复：使用该密钥的请求都将被拒绝。" style={{ marginBottom: 16 }} />
        <ReasonField />
      </Form>
    </Modal>
  );
}
