import { COUPON_CHANNELS, COUPON_TYPES, couponChannelNames, TIER_LEVELS, tierNames, type OpsCouponTemplate } from '@cakeday/shared';
import { App, Checkbox, Col, Divider, Form, Input, InputNumber, Modal, Radio, Row, Select } from 'antd';
import { StoresSelect } from '../../components/StoresSelect';
import { useOpsMutation } from '../../api/useOps';
import { optionalReason, ReasonField } from '../../components/ReasonField';
import { WriteError } from '../../components/WriteError';
import { couponTypeNames } from './couponTemplateColumns';
import { editableOf, formValuesOf, NEW_TEMPLATE_VALUES, type CouponTemplateFormValues } from './couponTemplateValues';

const typeOptions = COUPON_TYPES.map((type) => ({ value: type, label: couponTypeNames[type] }));
const tierOptions = TIER_LEVELS.map((level) => ({ value: level, label: tierNames[level] }));
const channelOptions = COUPON_CHANNELS.map((channel) => ({ value: channel, label: couponChannelNames[channel] }));

/** Creates a template or edits one on the loaded version; coupons already issued keep their face. Mounted while open. */
export function CouponTemplateModal({ template, onClose, onSaved }: { template: OpsCouponTemplate | null; onClose: () => void; onSaved: () => void }) {
  const [form] = Form.useForm<CouponTemplateFormValues>();
  const { message } = App.useApp();
  const type = Form.useWatch('type', form);
  const saved = (): void => {
    void message.success(template ? '券模板已保存' : '券模板已创建');
    onSaved();
  };
  const create = useOpsMutation('ops.couponTemplates.create', { onSuccess: saved });
  const update = useOpsMutation('ops.couponTemplates.update', { onSuccess: saved });
  const submit = (values: CouponTemplateFormValues): void => {
    if (template) update.mutate({ id: template.id, version: template.version, ...editableOf(values), ...optionalReason(values.reason) });
    else create.mutate({ code: (values.code ?? '').trim(), ...editableOf(values), ...optionalReason(values.reason) });
  };
  return (
    <Modal
      open
      width={640}
      title={template ? `编辑券模板：${template.title}` : '新建券模板'}
      okText={template ? '保存' : '创建'}
      onOk={() => form.submit()}
      onCancel={onClose}
      confirmLoading={create.isPending || update.isPending}
      maskClosable={false}
    >
      <Form form={form} layout="vertical" requiredMark={false} initialValues={template ? formValuesOf(template) : NEW_TEMPLATE_VALUES} onFinish={submit}>
        <WriteError error={template ? update.error : create.error} onReload={onSaved} />
        {template ? null : (
          <Form.Item label="模板编码" name="code" extra="发券时按编码引用，创建后不能修改" rules={[{ required: true, pattern: /^[a-z0-9][a-z0-9-]{1,63}$/, message: '2–64 位小写字母、数字或 -' }]}>
            <Input />
          </Form.Item>
        )}
        <Row gutter={16}>
          <Col span={14}>
            <Form.Item label="券名称" name="title" rules={[{ required: true, whitespace: true, max: 30, message: '请输入 1–30 字的名称' }]}>
              <Input />
            </Form.Item>
          </Col>
          <Col span={10}>
            <Form.Item label="券类型" name="type">
              <Select options={typeOptions} />
            </Form.Item>
          </Col>
        </Row>
        <Form.Item label="使用说明" name="description" rules={[{ max: 200 }]}>
          <Input.TextArea rows={2} />
        </Form.Item>
        <Row gutter={16}>
          <Col span={8}>
            {type === 'amount_off' ? (
              <Form.Item label="减免金额" name="amountOffYuan" rules={[{ required: true, message: '满减券须填写减免金额' }]}>
                <InputNumber min={0.01} precision={2} prefix="¥" style={{ width: '100%' }} />
              </Form.Item>
            ) : type === 'percent_off' ? (
              <Form.Item label="折扣" name="discountZhe" extra="如 8.5 表示 8.5 折" rules={[{ required: true, message: '折扣券须填写折扣' }]}>
                <InputNumber min={0.1} max={9.9} step={0.5} precision={1} suffix="折" style={{ width: '100%' }} />
              </Form.Item>
            ) : (
              <Form.Item label="兑换内容" name="freeItemName" rules={[{ required: true, whitespace: true, max: 40, message: '兑换券须填写兑换内容' }]}>
                <Input />
              </Form.Item>
            )}
          </Col>
          <Col span={8}>
            <Form.Item label="使用门槛" name="minSpendYuan" extra="0 = 无门槛">
              <InputNumber min={0} precision={2} prefix="¥" style={{ width: '100%' }} />
            </Form.Item>
          </Col>
          <Col span={8}>
            <Form.Item label="有效天数" name="validDays" extra="发券当天起算，0 = 当天有效" rules={[{ required: true, message: '请填写有效天数' }]}>
              <InputNumber min={0} max={3650} precision={0} suffix="天" style={{ width: '100%' }} />
            </Form.Item>
          </Col>
        </Row>
        <Divider plain orientation="left">使用条件（门店核销、收银台、线上商城与积分商城同一规则）</Divider>
        <Row gutter={16}>
          <Col span={12}>
            <Form.Item label="适用渠道" name="channels" extra="不选 = 全部渠道">
              <Checkbox.Group options={channelOptions} />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item label="适用等级" name="tiers" extra="不选 = 全部等级">
              <Checkbox.Group options={tierOptions} />
            </Form.Item>
          </Col>
        </Row>
        <Form.Item label="适用门店" name="storeIds" extra="不选 = 全部门店；选了门店则仅限这些门店使用">
          <StoresSelect />
        </Form.Item>
        <Row gutter={16}>
          <Col span={12}>
            <Form.Item name="firstOrderOnly" valuePropName="checked">
              <Checkbox>仅限首单使用</Checkbox>
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item name="birthdayMonthOnly" valuePropName="checked">
              <Checkbox>仅限生日当月使用</Checkbox>
            </Form.Item>
          </Col>
        </Row>
        <Form.Item label="状态" name="active">
          <Radio.Group options={[{ label: '启用', value: true }, { label: '停用', value: false }]} />
        </Form.Item>
        <ReasonField label="修改说明（可选）" required={false} />
      </Form>
    </Modal>
  );
}
