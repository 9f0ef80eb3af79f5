import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import { SUBSCRIPTION_TEMPLATE_KEYS, SUBSCRIPTION_TEMPLATES, type SubscriptionTemplateKey } from '@cakeday/shared';
import { Button, Card, Form, Input, InputNumber, Radio, Select, Space, Switch } from 'antd';
import { useOpsQuery } from '../../api/useOps';
import type { CampaignFormValues, VariantFormValues } from './campaignFormValues';

const MAX_VARIANTS = 5;

function VariantMessage({ name, template }: { name: number; template: SubscriptionTemplateKey }) {
  return (
    <>
      <Form.Item label="模板" name={[name, 'template']}>
        <Select options={SUBSCRIPTION_TEMPLATE_KEYS.map((key) => ({ label: SUBSCRIPTION_TEMPLATES[key].title, value: key }))} style={{ width: 240 }} />
      </Form.Item>
      {Object.entries(SUBSCRIPTION_TEMPLATES[template].fields).map(([key, label]) => (
        <Form.Item key={`${template}-${key}`} label={`${label}（${key}）`} name={[name, 'fields', key]} rules={[{ required: true, message: `请填写${label}` }]}>
          <Input />
        </Form.Item>
      ))}
    </>
  );
}

/**
 * 实验版本: versions of the campaign's message that its audience is split among (after the holdout), each with its
 * own text and template or the campaign's, a send day and optionally its own coupon; fixed weights or the bandit.
 */
export function VariantsField() {
  const form = Form.useFormInstance<CampaignFormValues>();
  const variants: VariantFormValues[] = Form.useWatch('variants', form) ?? [];
  const templates = useOpsQuery('ops.couponTemplates.list', { page: 1, pageSize: 100, active: true });
  const couponOptions = (templates.data?.items ?? []).map((template) => ({ value: template.code, label: `${template.title}（${template.code}）` }));
  return (
    <Form.Item label="实验版本" extra="不加版本则全部会员收到上面的消息、不送券；只送券不做实验时加一个标识为 main 的版本并选择券。加了版本后按权重（或多臂老虎机）分配，对照组不发送、不送券">
      <Form.List name="variants">
        {(fields, { add, remove }) => (
          <Space direction="vertical" style={{ width: '100%' }}>
            {fields.map((field, index) => {
              const variant = variants[index];
              return (
                <Card
                  key={field.key}
                  size="small"
                  title={`版本 ${index + 1}`}
                  extra={<MinusCircleOutlined aria-label={`删除版本 ${index + 1}`} onClick={() => remove(field.name)} />}
                >
                  <Space wrap align="start">
                    <Form.Item label="标识" name={[field.name, 'key']} rules={[{ required: true, message: '请填写标识' }]}>
                      <Input placeholder="warm" style={{ width: 120 }} />
                    </Form.Item>
                    <Form.Item label="名称" name={[field.name, 'name']} rules={[{ required: true, whitespace: true, message: '请填写名称' }]}>
                      <Input placeholder="温暖版" style={{ width: 140 }} />
                    </Form.Item>
                    <Form.Item label="权重" name={[field.name, 'weight']}>
                      <InputNumber min={1} max={100} precision={0} />
                    </Form.Item>
                    <Form.Item label="推迟发送（天）" name={[field.name, 'sendDelayDays']}>
                      <InputNumber min={0} max={14} precision={0} />
                    </Form.Item>
                  </Space>
                  <Form.Item label="版本权益（券）" name={[field.name, 'couponTemplate']} extra="随消息发放（含仅进消息中心的会员），每人每次一张；对照组与未同意接收消息的会员没有">
                    <Select allowClear options={couponOptions} loading={templates.isPending} placeholder="不送券" showSearch optionFilterProp="label" style={{ width: 320 }} />
                  </Form.Item>
                  <Form.Item label="使用自己的文案" name={[field.name, 'ownMessage']} valuePropName="checked">
                    <Switch />
                  </Form.Item>
                  {variant?.ownMessage ? <VariantMessage name={field.name} template={variant.template ?? 'birthdayReminder'} /> : null}
                </Card>
              );
            })}
            {fields.length < MAX_VARIANTS ? (
              <Button
                type="dashed"
                icon={<PlusOutlined />}
                onClick={() => add({ key: `v${fields.length + 1}`, name: `版本${fields.length + 1}`, weight: 1, sendDelayDays: 0, ownMessage: false, template: form.getFieldValue('template') ?? 'birthdayReminder', fields: {} })}
              >
                添加版本
              </Button>
            ) : null}
          </Space>
        )}
      </Form.List>
      {/* Outside the list: inside it, the name would be taken as the list's. */}
      {variants.length > 0 ? (
        <Form.Item label="分配方式" name="allocation" style={{ marginTop: 16 }} extra={variants.length === 1 ? '多臂老虎机至少需要两个版本' : undefined}>
          <Radio.Group
            options={[
              { label: '按权重固定分配', value: 'split' },
              { label: '多臂老虎机（Thompson 抽样，流量向转化高的版本倾斜）', value: 'bandit', disabled: variants.length < 2 },
            ]}
          />
        </Form.Item>
      ) : null}
    </Form.Item>
  );
}
