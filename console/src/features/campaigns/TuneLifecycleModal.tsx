import { defaultBenefitOf, isDefaultOnly, withDefaultBenefit, type Campaign } from '@cakeday/shared';
import { App, Form, Input, InputNumber, Modal } from 'antd';
import { useOpsMutation } from '../../api/useOps';
import { WriteError } from '../../components/WriteError';
import { lifecycleKnob } from './campaignLabels';

interface TuneValues {
  knob: number;
  holdoutPermille: number;
  /** The default variant's benefit (a coupon template's code; empty: a message only). */
  couponTemplate?: string;
}

/**
 * 调整参数: a lifecycle programme's draft — its trigger's number, the holdout and the coupon it gives (its default
 * variant's benefit; a programme with an experiment keeps each variant's own, edited with the variants).
 */
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
  const ownBenefit = isDefaultOnly(campaign.variants);
  const save = (values: TuneValues): void => {
    const { id, version, name, audience, message: campaignMessage, endsAt, variants, allocation } = campaign;
    update.mutate({
      id,
      version,
      name,
      audience,
      message: campaignMessage,
      endsAt,
      variants: ownBenefit ? withDefaultBenefit(values.couponTemplate?.trim() ? { couponTemplate: values.couponTemplate.trim() } : null) : variants,
      allocation,
      trigger: knob.with(values.knob),
      holdoutPermille: values.holdoutPermille,
    });
  };
  return (
    <Modal open title={`调整参数：${campaign.name}`} okText="保存" onOk={() => form.submit()} onCancel={onClose} confirmLoading={update.isPending} maskClosable={false}>
      <Form
        form={form}
        layout="vertical"
        requiredMark={false}
        initialValues={{ knob: knob.value, holdoutPermille: campaign.holdoutPermille, couponTemplate: defaultBenefitOf(campaign.variants)?.couponTemplate ?? '' }}
        onFinish={save}
      >
        <WriteError error={update.error} onReload={onSaved} />
        <Form.Item label={knob.label} name="knob" rules={[{ required: true }]}>
          <InputNumber min={1} precision={0} />
        </Form.Item>
        <Form.Item label="对照组（千分比）" name="holdoutPermille">
          <InputNumber min={0} max={500} precision={0} />
        </Form.Item>
        {ownBenefit ? (
          <Form.Item label="权益（券模板编码）" name="couponTemplate" extra="随消息发放，每人每次一张（对照组与未同意接收消息的会员没有）；留空则只发消息">
            <Input />
          </Form.Item>
        ) : (
          <Form.Item label="权益">各实验版本各自设置，见版本设置</Form.Item>
        )}
      </Form>
    </Modal>
  );
}
