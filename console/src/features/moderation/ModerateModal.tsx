import type { ModerationAction, ModerationItem } from '@cakeday/shared';
import { App, Form, Modal, Typography } from 'antd';
import { isOpsError } from '../../api/opsApiError';
import { useOpsMutation } from '../../api/useOps';
import { ReasonField } from '../../components/ReasonField';
import { WriteError } from '../../components/WriteError';
import { actionLabels, contentStateLabels, kindLabels } from './moderationLabels';

const ROUTES = { approve: 'ops.community.approve', remove: 'ops.community.remove', restore: 'ops.community.restore' } as const;

/**
 * Approves, removes or restores one post or comment with a reason (kept in the audit log). The move names the state
 * the moderator saw: another moderator's move in between is MODERATION_STATE_CHANGED, and the modal offers a reload.
 */
export function ModerateModal({ item, action, onClose, onDone }: { item: ModerationItem; action: ModerationAction; onClose: () => void; onDone: () => void }) {
  const [form] = Form.useForm<{ reason: string }>();
  const { message } = App.useApp();
  const moderate = useOpsMutation(ROUTES[action], {
    onSuccess: (moved) => {
      void message.success(`已${actionLabels[action]}：${contentStateLabels[moved.state]}`);
      onDone();
    },
  });
  const moved = isOpsError(moderate.error, 'MODERATION_STATE_CHANGED') || isOpsError(moderate.error, 'NOT_FOUND');
  const title = `${actionLabels[action]}这条${kindLabels[item.kind]}`;
  return (
    <Modal
      open
      title={title}
      okText={moved ? '关闭并刷新' : actionLabels[action]}
      okButtonProps={{ danger: action === 'remove' && !moved }}
      onOk={moved ? onDone : () => form.submit()}
      onCancel={moved ? onDone : onClose}
      confirmLoading={moderate.isPending}
    >
      <Typography.Paragraph ellipsis={{ rows: 3 }}>{item.text || '（无文字）'}</Typography.Paragraph>
      <Form
        form={form}
        layout="vertical"
        requiredMark={false}
        onFinish={(values) => moderate.mutate({ target: { kind: item.kind, id: item.id }, expectedState: item.state, reason: values.reason.trim() })}
      >
        <WriteError error={moderate.error} />
        <ReasonField label={`${actionLabels[action]}原因`} />
      </Form>
    </Modal>
  );
}
