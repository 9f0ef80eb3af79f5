import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Form, Input, Select, Space, Typography } from 'antd';
import { useOpsQuery } from '../../api/useOps';
import type { PackageFormValues } from './packageValues';

const kindOptions = [
  { value: 'coupon', label: '券' },
  { value: 'points_multiplier', label: '积分倍数' },
];

/** The package's gifts (1–5): a coupon from an active template, or the birthday-month points (its multiple comes from the settings). */
export function PackageItemsField() {
  const form = Form.useFormInstance<PackageFormValues>();
  const items = Form.useWatch('items', form) ?? [];
  const templates = useOpsQuery('ops.couponTemplates.list', { page: 1, pageSize: 100, active: true });
  const templateOptions = (templates.data?.items ?? []).map((template) => ({ value: template.code, label: `${template.title}（${template.code}）` }));
  return (
    <Form.Item label="礼品" required extra="积分倍数只是礼包的文案，会员实际所得积分以「会员规则设置」为准">
      <Form.List name="items" rules={[{ validator: async (_rule, value: unknown[]) => (value?.length ? undefined : Promise.reject(new Error('至少一件礼品'))) }]}>
        {(fields, { add, remove }, { errors }) => (
          <>
            {fields.map((field, index) => (
              <Space key={field.key} align="baseline" wrap>
                <Form.Item name={[field.name, 'kind']} noStyle>
                  <Select options={kindOptions} style={{ width: 110 }} />
                </Form.Item>
                <Form.Item name={[field.name, 'title']} rules={[{ required: true, whitespace: true, max: 30, message: '礼品名称 1–30 字' }]}>
                  <Input placeholder="礼品名称，如 生日9折券" style={{ width: 200 }} />
                </Form.Item>
                {items[index]?.kind === 'points_multiplier' ? (
                  // The multiple is the tier's birthday-month rate over its usual one, from the program settings.
                  <Typography.Text type="secondary">倍数按「会员规则设置」中该等级的生日月积分计算</Typography.Text>
                ) : (
                  <Form.Item name={[field.name, 'templateCode']} rules={[{ required: true, message: '请选择券模板' }]}>
                    <Select options={templateOptions} loading={templates.isPending} placeholder="券模板" showSearch optionFilterProp="label" style={{ width: 240 }} />
                  </Form.Item>
                )}
                {fields.length > 1 ? <MinusCircleOutlined onClick={() => remove(field.name)} /> : null}
              </Space>
            ))}
            {fields.length < 5 ? (
              <Button type="dashed" icon={<PlusOutlined />} onClick={() => add({ kind: 'coupon', title: '', templateCode: null })}>
                添加礼品
              </Button>
            ) : null}
            <Form.ErrorList errors={errors} />
          </>
        )}
      </Form.List>
    </Form.Item>
  );
}
