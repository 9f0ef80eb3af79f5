import { LIFECYCLE_STAGES, lifecycleStageNames, RFM_LEVEL_DEFINITION, RFM_LEVELS, rfmLevelNames, TIER_LEVELS, tierNames, type LifecycleStage, type RfmLevel, type Segment, type SegmentConditionsInput, type TierLevel } from '@cakeday/shared';
import { App, Button, Checkbox, Form, Input, InputNumber, Modal, Select, Space, Typography } from 'antd';
import { useState } from 'react';
import { useOpsMutation } from '../../api/useOps';
import { WriteError } from '../../components/WriteError';

interface SegmentFormValues {
  name: string;
  stages?: LifecycleStage[];
  rfmLevels?: RfmLevel[];
  tiers?: TierLevel[];
  birthdayMonths?: number[];
  marketingConsent?: boolean;
  activeWithinDays?: number | null;
  inactiveForDays?: number | null;
}

const conditionsOf = (values: SegmentFormValues): SegmentConditionsInput => ({
  stages: values.stages ?? [],
  rfmLevels: values.rfmLevels ?? [],
  r: null,
  f: null,
  m: null,
  tiers: values.tiers ?? [],
  birthdayMonths: values.birthdayMonths ?? [],
  consents: values.marketingConsent ? ['marketing_messages'] : [],
  activeWithinDays: values.activeWithinDays ?? null,
  inactiveForDays: values.inactiveForDays ?? null,
});

const valuesOf = (segment: Segment): SegmentFormValues => ({
  name: segment.name,
  stages: segment.conditions.stages,
  rfmLevels: segment.conditions.rfmLevels,
  tiers: segment.conditions.tiers,
  birthdayMonths: segment.conditions.birthdayMonths,
  marketingConsent: segment.conditions.consents.includes('marketing_messages'),
  activeWithinDays: segment.conditions.activeWithinDays,
  inactiveForDays: segment.conditions.inactiveForDays,
});

/** 新建 / 编辑分群: conditions over stage, RFM level, tier, birthday month, consent and activity, with a size estimate. */
export function SegmentModal({ segment, onClose, onSaved }: { segment: Segment | null; onClose: () => void; onSaved: () => void }) {
  const [form] = Form.useForm<SegmentFormValues>();
  const { message } = App.useApp();
  const [estimate, setEstimate] = useState<number | null>(null);
  const saved = () => {
    void message.success('分群已保存');
    onSaved();
  };
  const create = useOpsMutation('ops.segments.create', { onSuccess: saved });
  const update = useOpsMutation('ops.segments.update', { onSuccess: saved });
  const preview = useOpsMutation('ops.segments.preview', { onSuccess: (answer) => setEstimate(answer.size) });
  const submit = (values: SegmentFormValues): void => {
    const conditions = conditionsOf(values);
    if (segment) update.mutate({ id: segment.id, version: segment.version, name: values.name, conditions });
    else create.mutate({ name: values.name, conditions });
  };
  return (
    <Modal open title={segment ? `编辑分群：${segment.name}` : '新建分群'} okText="保存" onOk={() => form.submit()} onCancel={onClose} confirmLoading={create.isPending || update.isPending} maskClosable={false} width={600}>
      <Form form={form} layout="vertical" requiredMark={false} initialValues={segment ? valuesOf(segment) : {}} onFinish={submit}>
        <WriteError error={create.error ?? update.error} onReload={onSaved} />
        <Form.Item label="分群名称" name="name" rules={[{ required: true, min: 2, max: 30 }]}>
          <Input placeholder="沉睡会员 · 金卡" />
        </Form.Item>
        <Form.Item label="生命周期" name="stages">
          <Select mode="multiple" allowClear options={LIFECYCLE_STAGES.map((stage) => ({ label: lifecycleStageNames[stage], value: stage }))} placeholder="不限" />
        </Form.Item>
        <Form.Item label="RFM 等级（10 分制：黄金 ≥ 8，白银 4–7，青铜 1–3）" name="rfmLevels" extra={RFM_LEVEL_DEFINITION}>
          <Select mode="multiple" allowClear options={RFM_LEVELS.map((level) => ({ label: rfmLevelNames[level], value: level }))} placeholder="不限" />
        </Form.Item>
        <Form.Item label="会员等级" name="tiers">
          <Select mode="multiple" allowClear options={TIER_LEVELS.map((tier) => ({ label: tierNames[tier], value: tier }))} placeholder="不限" />
        </Form.Item>
        <Form.Item label="生日月份" name="birthdayMonths">
          <Select mode="multiple" allowClear options={Array.from({ length: 12 }, (_, index) => ({ label: `${index + 1} 月`, value: index + 1 }))} placeholder="不限" />
        </Form.Item>
        <Form.Item name="marketingConsent" valuePropName="checked">
          <Checkbox>仅已同意接收营销消息的会员</Checkbox>
        </Form.Item>
        <Space size="large">
          <Form.Item label="最近活跃（天内）" name="activeWithinDays">
            <InputNumber min={1} max={3650} placeholder="不限" />
          </Form.Item>
          <Form.Item label="未活跃（天以上）" name="inactiveForDays">
            <InputNumber min={1} max={3650} placeholder="不限" />
          </Form.Item>
        </Space>
        <Space>
          <Button onClick={() => preview.mutate({ conditions: conditionsOf(form.getFieldsValue(true) as SegmentFormValues) })} loading={preview.isPending}>
            试算人数
          </Button>
          {estimate !== null ? <Typography.Text data-testid="segment-estimate">约 {estimate.toLocaleString('zh-CN')} 人</Typography.Text> : null}
        </Space>
      </Form>
    </Modal>
  );
}
