import type { Campaign } from '@cakeday/shared';
import { App, Form, Input, InputNumber, Modal } from 'antd';
import { useOpsMutation } from '../../api/useOps';
import { WriteError } from '../../components/WriteError';
import { lifecycleKnob } from './campaignLabels';

interface TuneValues {
  knob: number;
  holdoutPermille: number;
  couponTemplateCode?: string;
}

/** 调整参数: a lifecycle programme's draft — its trigger's number, the holdout and the coupon it gives. */
export function TuneLifecycleModal({ campaign, onClose, onSaved }: { campaign: Campaign; onClose: () => void; onSaved: () => void }) {
  const [form] = Form.useForm<TuneValues>();
  const { message } = App.useApp();
  const knob = lifecycleKnob(campaign.trigger);
  const update = useOpsMutation('ops.campaigns.update', {
    onSuccess: () => {
      void message.success('参数已保存');
      onSaved();
    },
  });
  if (!knob) return null;
  const save = (values: TuneValues): void => {
    const { id, version, name, audience, message: campaignMessage, endsAt, variants, allocation } = campaign;
    update.mutate({
      id,
      version,
      name,
      audience,
      message: campaignMessage,
      endsAt,
      variants,
      allocation,
      trigger: knob.with(values.knob),
      holdoutPermille: values.holdoutPermille,
      benefit: values.couponTemplateCode ? { couponTemplateCode: values.couponTemplateCode } : null,
    });
  };
  return (
    <Modal open title={`调整参数：${campaign.name}`} okText="保存" onOk={() => form.submit()} onCancel={onClose} confirmLoading={update.isPending} maskClosable={false}>
      <Form
        form={form}
        layout="vertical"
        requiredMark={false}
        initialValues={{ knob: knob.value, holdoutPermille: campaign.holdoutPermille, couponTemplateCode: campaign.benefit?.couponTemplateCode ?? '' }}
        onFinish={save}
      >
        <WriteError error={update.error} onReload={onSaved} />
        <Form.Item label={knob.label} name="knob" rules={[{ required: true }]}>
          <InputNumber min={1} precision={0} />
        </Form.Item>
        <Form.Item label="对照组（千分比）" name="holdoutPermille">
          <InputNumber min={0} max={500} precision={0} />
        </Form.Item>
        <Form.Item label="赠送券模板编码" name="couponTemplateCode" extra="留空则只发消息">
          <Input />
        </Form.Item>
      </Form>
    </Modal>
  );
}
