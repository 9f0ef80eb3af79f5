import { App, Form, Modal, Typography } from 'antd';
import { useOpsMutation } from '../../api/useOps';
import { ReasonField } from '../../components/ReasonField';
import { WriteError } from '../../components/WriteError';
import { topicToggleInput, type OpsTopic } from './topicValues';

/** Takes a topic offline (members no longer pick it; its posts stay) or back online, with a reason. */
export function ToggleTopicModal({ topic, onClose, onSaved }: { topic: OpsTopic; onClose: () => void; onSaved: () => void }) {
  const [form] = Form.useForm<{ reason: string }>();
  const { message } = App.useApp();
  const verb = topic.active ? '下线' : '上线';
  const save = useOpsMutation('ops.community.topics.save', {
    onSuccess: (saved) => {
      void message.success(`话题 #${saved.name}# 已${verb}`);
      onSaved();
    },
  });
  return (
    <Modal open title={`${verb}话题：#${topic.name}#`} okText={verb} okButtonProps={{ danger: topic.active }} onOk={() => form.submit()} onCancel={onClose} confirmLoading={save.isPending}>
      <Typography.Paragraph>{topic.active ? '下线后会员发帖时不能再选择该话题，已发布的帖子不受影响。' : '上线后会员发帖时可以选择该话题。'}</Typography.Paragraph>
      <Form form={form} layout="vertical" requiredMark={false} onFinish={(values) => save.mutate(topicToggleInput(topic, values.reason))}>
        <WriteError error={save.error} onReload={onSaved} />
        <ReasonField label={`${verb}原因`} />
      </Form>
    </Modal>
  );
}
