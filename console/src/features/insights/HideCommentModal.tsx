import type { SatisfactionComment } from '@cakeday/shared';
import { App, Form, Modal, Typography } from 'antd';
import { useOpsMutation } from '../../api/useOps';
import { ReasonField } from '../../components/ReasonField';
import { WriteError } from '../../components/WriteError';

/** Hides a published comment (its stars and the counts stay), with a reason kept in the audit log. */
export function HideCommentModal({ comment, onClose, onDone }: { comment: SatisfactionComment; onClose: () => void; onDone: () => void }) {
  const [form] = Form.useForm<{ reason: string }>();
  const { message } = App.useApp();
  const hide = useOpsMutation('ops.satisfaction.hideComment', {
    onSuccess: () => {
      void message.success('评语已隐藏');
      onDone();
    },
  });
  return (
    <Modal open title="隐藏评语" okText="隐藏" okButtonProps={{ danger: true }} onOk={() => form.submit()} onCancel={onClose} confirmLoading={hide.isPending}>
      <Typography.Paragraph>“{comment.comment}”</Typography.Paragraph>
      <Typography.Paragraph type="secondary">隐藏后不再在后台展示，星级与统计不变；会员本人仍能看到自己的评语。</Typography.Paragraph>
      <Form form={form} layout="vertical" requiredMark={false} onFinish={(values) => hide.mutate({ kind: comment.kind, id: comment.id, reason: values.reason.trim() })}>
        <WriteError error={hide.error} onReload={onDone} />
        <ReasonField label="隐藏原因" />
      </Form>
    </Modal>
  );
}
