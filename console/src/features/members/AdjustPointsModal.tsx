import { adjustmentNeedsApproval, MAX_POINTS_ADJUSTMENT, type PointsAdjustmentView } from '@cakeday/shared';
import { Alert, App, Button, Form, Input, InputNumber, Modal, Result } from 'antd';
import { useState } from 'react';
import { newIdempotencyKey } from '../../api/idempotencyKey';
import { useOpsMutation, useOpsQuery } from '../../api/useOps';
import { ReasonField } from '../../components/ReasonField';
import { WriteError } from '../../components/WriteError';
import { signedPoints } from './memberLabels';

interface AdjustValues {
  points: number;
  reason: string;
  memberNote?: string;
}

/**
 * 积分调整: a signed amount, the internal reason and an optional note the member reads (积分调整：<note>). Within the
 * operator's daily limit; above the approval threshold it waits for a second operator (待审批). Mounted while open:
 * one idempotency key per intended adjustment, so a submit retried after a lost answer never adjusts twice.
 */
export function AdjustPointsModal({ memberId, balance, onClose }: { memberId: string; balance: number; onClose: (adjusted: boolean) => void }) {
  const [form] = Form.useForm<AdjustValues>();
  const [idempotencyKey, setIdempotencyKey] = useState(newIdempotencyKey);
  const { message } = App.useApp();
  const limits = useOpsQuery('ops.points.adjustments.list', { page: 1, pageSize: 1 }).data?.limits;
  const points = Form.useWatch('points', form);
  const [submitted, setSubmitted] = useState<PointsAdjustmentView | null>(null);
  const adjust = useOpsMutation('ops.points.adjust', {
    onSuccess: (adjustment) => {
      if (adjustment.state === 'pending') {
        setSubmitted(adjustment);
        return;
      }
      void message.success(`${adjustment.stateLabel}：${signedPoints(adjustment.points)} 积分`);
      onClose(true);
    },
    // A refusal (4xx) changed nothing: a corrected form is a new adjustment. Anything else may have gone through.
    onError: (error) => {
      if (error.status >= 400 && error.status < 500) setIdempotencyKey(newIdempotencyKey());
    },
  });
  const needsApproval = limits && typeof points === 'number' && adjustmentNeedsApproval(points, limits.approvalThreshold);

  if (submitted) {
    return (
      <Modal open title="积分调整" onCancel={() => onClose(true)} footer={[<Button key="ok" type="primary" onClick={() => onClose(true)}>知道了</Button>]}>
        <Result
          status="info"
          title={submitted.stateLabel}
          subTitle={`${signedPoints(submitted.points)} 积分超过审批门槛，须由另一位运营人员在「积分调整审批」中批准后入账。`}
        />
      </Modal>
    );
  }
  return (
    <Modal open title="积分调整" okText="提交" onOk={() => form.submit()} onCancel={() => onClose(false)} confirmLoading={adjust.isPending} maskClosable={false}>
      <Form
        form={form}
        layout="vertical"
        requiredMark={false}
        onFinish={(values) =>
          adjust.mutate({ memberId, points: values.points, reason: values.reason.trim(), idempotencyKey, ...(values.memberNote?.trim() ? { memberNote: values.memberNote.trim() } : {}) })
        }
      >
        {limits ? (
          <Alert
            type="info"
            showIcon
            style={{ marginBottom: 16 }}
            message={`今日已调整 ${limits.usedToday} / ${limits.dailyLimit} 积分；单次超过 ${limits.approvalThreshold} 积分须另一位运营审批。当前余额 ${balance}。`}
          />
        ) : null}
        <WriteError error={adjust.error} />
        <Form.Item
          label="调整积分"
          name="points"
          extra="正数增加，负数扣减（从最早过期的积分扣起）"
          rules={[
            { required: true, message: '请填写调整的积分' },
            { validator: async (_rule, value: unknown) => (value === 0 ? Promise.reject(new Error('调整积分不能为 0')) : undefined) },
          ]}
        >
          <InputNumber precision={0} min={-MAX_POINTS_ADJUSTMENT} max={MAX_POINTS_ADJUSTMENT} style={{ width: '100%' }} />
        </Form.Item>
        {needsApproval ? <Alert type="warning" showIcon style={{ marginBottom: 16 }} message="超过审批门槛：提交后待审批，由另一位运营人员批准后入账。" /> : null}
        <ReasonField label="调整原因（内部）" placeholder="将记入操作日志，会员看不到" />
        <Form.Item label="给会员的说明（可选）" name="memberNote" extra="会员在积分明细中看到“积分调整：说明”" rules={[{ min: 2, max: 30, message: '2–30 字' }]}>
          <Input placeholder="如：门店活动补偿" maxLength={30} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
