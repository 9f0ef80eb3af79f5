import { App, Form, Input, InputNumber, Modal, Switch } from 'antd';
import { useOpsMutation } from '../../api/useOps';
import { ReasonField } from '../../components/ReasonField';
import { WriteError } from '../../components/WriteError';
import { NEW_TOPIC_VALUES, topicFormValues, topicSaveInput, type OpsTopic, type TopicFormValues } from './topicValues';

/** Creates a topic or edits one on the loaded version (name, description, order, online); the code never changes. */
export function TopicModal({ topic, onClose, onSaved }: { topic: OpsTopic | null; onClose: () => void; onSaved: () => void }) {
  const [form] = Form.useForm<TopicFormValues>();
  const { message } = App.useApp();
  const save = useOpsMutation('ops.community.topics.save', {
    onSuccess: (saved) => {
      void message.success(topic ? `话题 #${saved.name}# 已保存` : `话题 #${saved.name}# 已创建`);
      onSaved();
    },
  });
  return (
    <Modal
      open
      title={topic ? `编辑话题：#${topic.name}#` : '新建话题'}
      okText={topic ? '保存' : '创建'}
      onOk={() => form.submit()}
      onCancel={onClose}
      confirmLoading={save.isPending}
      maskClosable={false}
    >
      <Form form={form} layout="vertical" requiredMark={false} initialValues={topic ? topicFormValues(topic) : NEW_TOPIC_VALUES} onFinish={(values) => save.mutate(topicSaveInput(topic, values))}>
        <WriteError error={save.error} onReload={onSaved} />
        <Form.Item
          label="话题编码"
          name="code"
          extra="帖子以编码记录话题，创建后不能修改"
          rules={[{ required: true, pattern: /^[a-z0-9-]{2,32}$/, message: '小写字母、数字或连字符，2–32 位' }]}
        >
          <Input disabled={topic !== null} placeholder="birthday" />
        </Form.Item>
        <Form.Item label="话题名称" name="name" extra="会员看到的 #名称#，不含 #" rules={[{ required: true, whitespace: true, max: 20, pattern: /^[^#]+$/, message: '请输入 1–20 字、不含 # 的名称' }]}>
          <Input placeholder="晒生日" />
        </Form.Item>
        <Form.Item label="说明" name="description" rules={[{ max: 100, message: '最多 100 字' }]}>
          <Input.TextArea rows={2} />
        </Form.Item>
        <Form.Item label="排序" name="sort" extra="数字小的排在前面" rules={[{ required: true, message: '请填写 0–10000' }]}>
          <InputNumber min={0} max={10_000} precision={0} />
        </Form.Item>
        <Form.Item label="上线" name="active" valuePropName="checked" extra="下线的话题不再出现在发帖页和话题列表">
          <Switch />
        </Form.Item>
        <ReasonField label="修改原因" />
      </Form>
    </Modal>
  );
}
