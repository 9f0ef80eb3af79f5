import { WORD_ACTIONS } from '@cakeday/shared';
import { App, Form, Input, Modal, Radio } from 'antd';
import { useOpsMutation } from '../../api/useOps';
import { ReasonField } from '../../components/ReasonField';
import { WriteError } from '../../components/WriteError';
import { wordActionHelp, wordActionLabels, wordSaveInput, type OpsWord, type WordFormValues } from './wordValues';

const ACTION_OPTIONS = WORD_ACTIONS.map((action) => ({ value: action, label: wordActionLabels[action] }));

/** Adds a word to the list or edits one on the loaded version; every member text is checked against it at once. */
export function WordModal({ word, onClose, onSaved }: { word: OpsWord | null; onClose: () => void; onSaved: () => void }) {
  const [form] = Form.useForm<WordFormValues>();
  const action = Form.useWatch('action', form);
  const { message } = App.useApp();
  const save = useOpsMutation('ops.community.words.save', {
    onSuccess: (saved) => {
      void message.success(`敏感词“${saved.word}”已保存`);
      onSaved();
    },
  });
  return (
    <Modal open title={word ? `编辑敏感词：${word.word}` : '添加敏感词'} okText={word ? '保存' : '添加'} onOk={() => form.submit()} onCancel={onClose} confirmLoading={save.isPending} maskClosable={false}>
      <Form
        form={form}
        layout="vertical"
        requiredMark={false}
        initialValues={word ? { word: word.word, action: word.action, replacement: word.replacement } : { action: 'block' }}
        onFinish={(values) => save.mutate(wordSaveInput(word, values))}
      >
        <WriteError error={save.error} onReload={onSaved} />
        <Form.Item label="词语" name="word" extra="不区分大小写" rules={[{ required: true, whitespace: true, max: 50, message: '请输入 1–50 字' }]}>
          <Input />
        </Form.Item>
        <Form.Item label="处理方式" name="action" extra={action ? wordActionHelp[action] : undefined}>
          <Radio.Group options={ACTION_OPTIONS} optionType="button" />
        </Form.Item>
        {action === 'replace' ? (
          <Form.Item label="替换为" name="replacement" extra="留空则替换为 ***" rules={[{ max: 20, message: '最多 20 字' }]}>
            <Input placeholder="***" />
          </Form.Item>
        ) : null}
        <ReasonField label="修改原因" />
      </Form>
    </Modal>
  );
}
