import type { OpsIntegration } from '@cakeday/shared';
import { Alert, Form, Modal, Select } from 'antd';
import { useOpsMutation } from '../../api/useOps';
import { ReasonField } from '../../components/ReasonField';
import { WriteError } from '../../components/WriteError';

const overlapOptions = [
  { value: 0, label: '立即失效（密钥泄露时）' },
  { value: 60, label: '1 小时' },
  { value: 24 * 60, label: '24 小时' },
  { value: 3 * 24 * 60, label: '3 天' },
  { value: 7 * 24 * 60, label: '7 天' },
];

/** A new secret for the same key id, on the version loaded: the old one keeps signing for the chosen overlap. */
export function RotateIntegrationModal({
  integration,
  onClose,
  onRotated,
}: {
  integration: OpsIntegration;
  onClose: () => void;
  onRotated: (rotated: { integration: OpsIntegration; secret: string }) => void;
}) {
  const [form] = Form.useForm<{ overlapMinutes: number; reason: string }>();
  const rotate = useOpsMutation('ops.integrations.rotate', { onSuccess: onRotated });
  return (
    <Modal open title={`轮换密钥：${integration.name}`} okText="轮换" onOk={() => form.submit()} onCancel={onClose} confirmLoading={rotate.isPending} maskClosable={false}>
      <Form
        form={form}
        layout="vertical"
        requiredMark={false}
        initialValues={{ overlapMinutes: 24 * 60 }}
        onFinish={(values) => rotate.mutate({ id: integration.id, version: integration.version, overlapMinutes: values.overlapMinutes, reason: values.reason })}
      >
        <WriteError error={rotate.error} onReload={onClose} />
        <Alert type="info" showIcon message="密钥 ID 不变。新密钥只显示一次；过渡期内新旧密钥都可签名，过渡期结束后旧密钥的请求将被拒绝。" style={{ marginBottom: 16 }} />
        <Form.Item label="旧密钥过渡期" name="overlapMinutes">
          <Select options={overlapOptions} />
        </Form.Item>
        <ReasonField />
      </Form>
    </Modal>
  );
}
