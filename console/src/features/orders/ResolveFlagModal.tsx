import type { OpsOrderDetail } from '@cakeday/shared';
import { App, Form, Modal, Typography } from 'antd';
import { useOpsMutation } from '../../api/useOps';
import { ReasonField } from '../../components/ReasonField';
import { WriteError } from '../../components/WriteError';

/** Marks one open flag handled, with what was done. Mounted while open. */
export function ResolveFlagModal({ orderId, flag, onClose, onDone }: { orderId: string; flag: OpsOrderDetail['flags'][number]; onClose: () => void; onDone: () => void }) {
  const [form] = Form.useForm<{ note: string }>();
  const { message } = App.useApp();
  const resolve = useOpsMutation('ops.orders.flags.resolve', {
    onSuccess: () => {
      void message.success('已标记为已处理');
      onDone();
    },
  });
  return (
    <Modal open title="处理异常" okText="标记为已处理" onOk={() => form.submit()} onCancel={onClose} confirmLoading={resolve.isPending}>
      <Typography.Paragraph>
        {flag.reasonLabel}：{flag.detail}
      </Typography.Paragraph>
      <Form form={form} layout="vertical" requiredMark={false} onFinish={(values) => resolve.mutate({ orderId, flag: flag.reason, note: values.note.trim() })}>
        <WriteError error={resolve.error} onReload={onDone} />
        <ReasonField name="note" label="处理说明" placeholder="如：已与微信支付核实，金额一致" />
      </Form>
    </Modal>
  );
}
