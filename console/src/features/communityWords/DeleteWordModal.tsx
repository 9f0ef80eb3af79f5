import { App, Form, Modal, Typography } from 'antd';
import { useOpsMutation } from '../../api/useOps';
import { ReasonField } from '../../components/ReasonField';
import { WriteError } from '../../components/WriteError';
import type { OpsWord } from './wordValues';

/** Removes a word from the list (texts stop being checked against it), with a reason. */
export function DeleteWordModal({ word, onClose, onDeleted }: { word: OpsWord; onClose: () => void; onDeleted: () => void }) {
  const [form] = Form.useForm<{ reason: string }>();
  const { message } = App.useApp();
  const remove = useOpsMutation('ops.community.words.delete', {
    onSuccess: () => {
      void message.success(`已删除敏感词“${word.word}”`);
      onDeleted();
    },
  });
  return (
    <Modal open title={`删除敏感词：${word.word}`} okText="删除" okButtonProps={{ danger: true }} onOk={() => form.submit()} onCancel={onClose} confirmLoading={remove.isPending}>
      <Typography.Paragraph>删除后，会员发布的内容不再按该词检查。</Typography.Paragraph>
      <Form form={form} layout="vertical" requiredMark={false} onFinish={(values) => remove.mutate({ id: word.id, version: word.version, reason: values.reason.trim() })}>
        <WriteError error={remove.error} onReload={onDeleted} />
        <ReasonField label="删除原因" />
      </Form>
    </Modal>
  );
}
