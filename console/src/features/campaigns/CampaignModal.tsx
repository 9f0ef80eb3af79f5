import { SUBSCRIPTION_TEMPLATE_KEYS, SUBSCRIPTION_TEMPLATES, tierNames, type SubscriptionTemplateKey } from '@cakeday/shared';
import { Alert, App, Button, Form, Input, InputNumber, Modal, Radio, Select } from 'antd';
import { useState } from 'react';
import { useOpsMutation, useOpsQuery } from '../../api/useOps';
import { WriteError } from '../../components/WriteError';
import { checkCreateRequest, LOCAL_TIME as LOCAL, messageOf, type CampaignFormValues } from './campaignFormValues';
import { VariantsField } from './VariantsField';

const UPGRADE_TIERS = ['gold', 'diamond'] as const;

/** 新建活动: a one-off push (推送订阅消息), birthday steps or a tier upgrade's congratulation; the message is checked against the template before saving. */
export function CampaignModal({ onClose, onSaved }: { onClose: () => void; onSaved: () => void }) {
  const [form] = Form.useForm<CampaignFormValues>();
  const { message } = App.useApp();
  const [problems, setProblems] = useState<{ key: string; message: string }[] | null>(null);
  const template = (Form.useWatch('template', form) ?? 'birthdayReminder') as SubscriptionTemplateKey;
  const kind = Form.useWatch('kind', form) ?? 'push';
  const create = useOpsMutation('ops.campaigns.create', {
    onSuccess: () => {
      void message.success('活动草稿已保存');
      onSaved();
    },
  });
  const segments = useOpsQuery('ops.segments.list', {});
  const preview = useOpsMutation('ops.campaigns.preview', { onSuccess: (answer) => setProblems(answer.problems) });
  const [schemaProblems, setSchemaProblems] = useState<string[]>([]);
  // The shared schema decides (the BFF checks the same): field problems beside their field, the rest above the form.
  const submit = (): void => {
    const values = form.getFieldsValue(true) as CampaignFormValues;
    const checked = checkCreateRequest(values);
    if ('request' in checked) {
      setSchemaProblems([]);
      create.mutate(checked.request);
      return;
    }
    // The paths come from the schema's issues, which the form's typed field names cannot describe.
    const beside = checked.problems.filter((problem) => problem.name !== null).map((problem) => ({ name: problem.name ?? [], errors: problem.errors }));
    form.setFields(beside as Parameters<typeof form.setFields>[0]);
    setSchemaProblems(checked.problems.filter((problem) => problem.name === null).map((problem) => problem.errors.join('；')));
  };
  return (
    <Modal open title="新建营销活动" okText="保存草稿" onOk={() => form.submit()} onCancel={onClose} confirmLoading={create.isPending} maskClosable={false} width={720}>
      <Form
        form={form}
        layout="vertical"
        requiredMark={false}
        initialValues={{ kind: 'push', template: 'birthdayReminder', page: 'pages/birthday/index', holdoutPermille: 0, daysBefore: [7, 0], toTiers: ['gold', 'diamond'], variants: [], allocation: 'split' }}
        onFinish={submit}
      >
        <WriteError error={create.error} onReload={onSaved} />
        {schemaProblems.length > 0 ? <Alert type="error" showIcon message={schemaProblems.join('；')} style={{ marginBottom: 16 }} /> : null}
        <Form.Item label="活动名称" name="name" rules={[{ required: true, min: 2, max: 40 }]}>
          <Input />
        </Form.Item>
        <Form.Item label="触发" name="kind">
          <Radio.Group options={[{ label: '推送订阅消息（一次性）', value: 'push' }, { label: '生日提醒', value: 'birthday' }, { label: '会员升级', value: 'tierUpgrade' }]} />
        </Form.Item>
        {kind === 'tierUpgrade' ? (
          <Form.Item label="升级到" name="toTiers" rules={[{ required: true, message: '请选择升级后的等级' }]} extra="可用变量：{{tierName}} 新等级 {{tierBenefit}} 新等级权益 {{expiryDate}} 等级有效期">
            <Select mode="multiple" options={UPGRADE_TIERS.map((tier) => ({ label: tierNames[tier], value: tier }))} />
          </Form.Item>
        ) : kind === 'push' ? (
          <Form.Item label="发送时间（北京时间）" name="sendAt" rules={[{ required: true, pattern: LOCAL, message: '格式为 2026-12-12 10:00' }]}>
            <Input placeholder="2026-12-12 10:00" />
          </Form.Item>
        ) : (
          <Form.Item label="生日前几天" name="daysBefore" rules={[{ required: true }]}>
            <Select mode="multiple" options={[7, 3, 0].map((days) => ({ label: days === 0 ? '生日当天' : `生日前${days}天`, value: days }))} />
          </Form.Item>
        )}
        <Form.Item label="受众分群" name="segment" extra="不选则面向全部会员；试运行显示分群内的人数">
          <Select
            allowClear
            placeholder="全部会员"
            loading={segments.isLoading}
            options={(segments.data?.items ?? []).map((segment) => ({ label: `${segment.name}（${segment.size.toLocaleString('zh-CN')} 人）`, value: segment.id }))}
          />
        </Form.Item>
        <Form.Item label="订阅消息模板" name="template">
          <Select options={SUBSCRIPTION_TEMPLATE_KEYS.map((key) => ({ label: SUBSCRIPTION_TEMPLATES[key].title, value: key }))} />
        </Form.Item>
        {Object.entries(SUBSCRIPTION_TEMPLATES[template].fields).map(([key, label]) => (
          <Form.Item key={`${template}-${key}`} label={`${label}（${key}）`} name={['fields', key]} rules={[{ required: true }]} extra="可用变量：{{nickname}} {{daysToBirthday}} {{birthdayDate}} {{campaignName}}">
            <Input />
          </Form.Item>
        ))}
        <Button onClick={() => preview.mutate({ name: form.getFieldValue('name') || '活动', message: messageOf(form.getFieldsValue(true) as CampaignFormValues) })} loading={preview.isPending}>
          按模板规则检查
        </Button>
        {problems ? (
          problems.length === 0 ? (
            <Alert type="success" showIcon message="消息符合模板规则" style={{ marginTop: 8 }} />
          ) : (
            <Alert type="error" showIcon style={{ marginTop: 8 }} message={problems.map((problem) => `${problem.key}：${problem.message}`).join('；')} />
          )
        ) : null}
        <Form.Item label="落地页" name="page" rules={[{ required: true, pattern: /^pages\/[\w/-]+$/ }]} style={{ marginTop: 16 }}>
          <Input />
        </Form.Item>
        <Form.Item label="消息中心标题" name="inboxTitle" rules={[{ required: true, max: 30 }]}>
          <Input />
        </Form.Item>
        <Form.Item label="对照组（千分比，不发送以衡量效果）" name="holdoutPermille">
          <InputNumber min={0} max={500} />
        </Form.Item>
        <VariantsField />
        <Form.Item label="结束时间（北京时间）" name="endsAt" rules={[{ required: true, pattern: LOCAL, message: '格式为 2026-12-31 23:59' }]}>
          <Input placeholder="2026-12-31 23:59" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
