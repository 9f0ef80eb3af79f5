import type { PointsAdjustmentView } from '@cakeday/shared';
import { App, Form, Modal, Typography } from 'antd';
import { isOpsError } from '../../api/opsApiError';
import { useOpsMutation } from '../../api/useOps';
import { ReasonField } from '../../components/ReasonField';
import { WriteError } from '../../components/WriteError';
import { signedPoints } from '../members/memberLabels';

/** Rejects a pending adjustment with a reason; one decided meanwhile by someone else closes the modal and reloads. */
export function RejectAdjustmentModal({ adjustment, onClose, onDone }: { adjustment: PointsAdjustmentView; onClose: () => void; onDone: () => void }) {
  const [form] = Form.useForm<{ reason: string }>();
  const { message } = App.useApp();
  const reject = useOpsMutation('ops.points.adjustments.reject', {
    onSuccess: () => {
      void message.success('已驳回');
      onDone();
    },
  });
  const decided = isOpsError(reject.error, 'OPS_ADJUSTMENT_NOT_PENDING');
  return (
    <Modal
      open
      title="驳回积分调整"
      okText={decided ? '关闭并刷新' : '驳回'}
      okButtonProps={{ danger: !decided }}
      onOk={decided ? onDone : () => form.submit()}
      onCancel={decided ? onDone : onClose}
      confirmLoading={reject.isPending}
    >
      <Typography.Paragraph>
        {adjustment.requestedBy.displayName} 申请 {signedPoints(adjustment.points)} 积分，原因：{adjustment.reason}
      </Typography.Paragraph>
      <Form form={form} layout="vertical" requiredMark={false} onFinish={(values) => reject.mutate({ id: adjustment.id, reason: values.reason.trim() })}>
        <WriteError error={reject.error} />
        <ReasonField label="驳回原因" />
      </Form>
    </Modal>
  );
}
