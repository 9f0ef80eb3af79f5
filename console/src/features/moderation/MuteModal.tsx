import type { ModerationItem } from '@cakeday/shared';

export type ModerationAuthor = Pick<ModerationItem['author'], 'memberId' | 'nickname' | 'mutedUntil'>;
import { App, Form, InputNumber, Modal, Typography } from 'antd';
import { useOpsMutation } from '../../api/useOps';
import { ReasonField } from '../../components/ReasonField';
import { WriteError } from '../../components/WriteError';
import { formatBusinessDateTime } from '../../format/businessTime';

/** Mutes an author for some days (0 lifts a mute), with a reason kept in the audit log. */
export function MuteModal({ author, onClose, onDone }: { author: ModerationAuthor; onClose: () => void; onDone: () => void }) {
  const [form] = Form.useForm<{ days: number; reason: string }>();
  const { message } = App.useApp();
  const mute = useOpsMutation('ops.community.mute', {
    onSuccess: (muted) => {
      void message.success(muted.mutedUntil ? `已禁言至 ${formatBusinessDateTime(muted.mutedUntil)}` : '已解除禁言');
      onDone();
    },
  });
  return (
    <Modal open title="禁言作者" okText="禁言" okButtonProps={{ danger: true }} onOk={() => form.submit()} onCancel={onClose} confirmLoading={mute.isPending}>
      <Typography.Paragraph>
        {author.nickname ?? '（未设置昵称）'}
        {author.mutedUntil ? `，当前禁言至 ${formatBusinessDateTime(author.mutedUntil)}` : ''}。禁言期间不能发帖和评论。
      </Typography.Paragraph>
      <Form
        form={form}
        layout="vertical"
        requiredMark={false}
        initialValues={{ days: 7 }}
        onFinish={(values) => mute.mutate({ memberId: author.memberId, days: values.days, reason: values.reason.trim() })}
      >
        <WriteError error={mute.error} />
        <Form.Item label="禁言天数（0 为解除）" name="days" rules={[{ required: true, message: '请填写 0–365 天' }]}>
          <InputNumber min={0} max={365} precision={0} suffix="天" />
        </Form.Item>
        <ReasonField label="禁言原因" />
      </Form>
    </Modal>
  );
}
