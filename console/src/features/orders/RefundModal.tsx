import type { OpsOrderDetail } from '@cakeday/shared';
import { App, Form, Modal, Typography } from 'antd';
import { useOpsMutation } from '../../api/useOps';
import { ReasonField } from '../../components/ReasonField';
import { WriteError } from '../../components/WriteError';

/** Refunds through the member's refund machinery (points back, WeChat Pay for the cash, stock restored). Mounted while open. */
export function RefundModal({ order, onClose, onDone }: { order: OpsOrderDetail; onClose: () => void; onDone: () => void }) {
  const [form] = Form.useForm<{ reason: string }>();
  const { message } = App.useApp();
  const refund = useOpsMutation('ops.orders.refund', {
    onSuccess: (updated) => {
      void message.success(`退款已提交：${updated.statusLabel}`);
      onDone();
    },
  });
  return (
    <Modal open title={`退款：${order.orderNo}`} okText="确认退款" okButtonProps={{ danger: true }} onOk={() => form.submit()} onCancel={onClose} confirmLoading={refund.isPending} maskClosable={false}>
      <Typography.Paragraph>
        将退还 {order.priceText}：积分立即退回会员账户，现金部分原路退回微信支付，库存恢复。
      </Typography.Paragraph>
      <Form form={form} layout="vertical" requiredMark={false} onFinish={(values) => refund.mutate({ orderId: order.id, reason: values.reason.trim() })}>
        <WriteError error={refund.error} onReload={onDone} />
        <ReasonField label="退款原因" placeholder="将记入操作日志和订单" />
      </Form>
    </Modal>
  );
}
