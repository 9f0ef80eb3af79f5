import { BENEFIT_OPENINGS, TIER_LEVELS, tierNames, type OpsBirthdayPackage } from '@cakeday/shared';
import { App, Checkbox, Col, Form, Input, InputNumber, Modal, Radio, Row, Select } from 'antd';
import { useOpsMutation } from '../../api/useOps';
import { optionalReason, ReasonField } from '../../components/ReasonField';
import { WriteError } from '../../components/WriteError';
import { PackageItemsField } from './PackageItemsField';
import { packageFormValues, packageUpdate, type PackageFormValues } from './packageValues';

const openingNames: Record<(typeof BENEFIT_OPENINGS)[number], string> = { birthday_month: '生日当月 1 日起', days_before: '生日前 N 天起', on_day: '生日当天起' };
const openingOptions = BENEFIT_OPENINGS.map((opens) => ({ value: opens, label: openingNames[opens] }));
const tierOptions = TIER_LEVELS.map((tier) => ({ value: tier, label: tierNames[tier] }));

/** Edits a package on the version loaded: tiers, wording, gifts, the claim window, on/off. Mounted while open. */
export function BirthdayPackageModal({ pkg, onClose, onSaved }: { pkg: OpsBirthdayPackage; onClose: () => void; onSaved: () => void }) {
  const [form] = Form.useForm<PackageFormValues>();
  const { message } = App.useApp();
  const opens = Form.useWatch(['window', 'opens'], form);
  const update = useOpsMutation('ops.birthdayPackages.update', {
    onSuccess: () => {
      void message.success('生日礼包已保存');
      onSaved();
    },
  });
  return (
    <Modal
      open
      width={760}
      title={`编辑生日礼包：${pkg.title}`}
      okText="保存"
      onOk={() => form.submit()}
      onCancel={onClose}
      confirmLoading={update.isPending}
      maskClosable={false}
    >
      <Form
        form={form}
        layout="vertical"
        requiredMark={false}
        initialValues={packageFormValues(pkg)}
        onFinish={(values) => update.mutate({ ...packageUpdate(pkg, values), ...optionalReason(values.reason) })}
      >
        <WriteError error={update.error} onReload={onSaved} />
        <Form.Item label="适用等级" name="tiers" rules={[{ required: true, type: 'array', min: 1, message: '请至少选择一个等级' }]}>
          <Checkbox.Group options={tierOptions} />
        </Form.Item>
        <Form.Item label="礼包名称" name="title" rules={[{ required: true, whitespace: true, max: 30, message: '请输入 1–30 字的名称' }]}>
          <Input />
        </Form.Item>
        <Form.Item label="说明" name="description" rules={[{ max: 200 }]}>
          <Input.TextArea rows={2} />
        </Form.Item>
        <PackageItemsField />
        <Row gutter={16}>
          <Col span={10}>
            <Form.Item label="开始领取" name={['window', 'opens']}>
              <Select options={openingOptions} />
            </Form.Item>
          </Col>
          <Col span={7}>
            <Form.Item label="提前天数" name={['window', 'daysBefore']}>
              <InputNumber min={0} max={60} precision={0} suffix="天" disabled={opens !== 'days_before'} style={{ width: '100%' }} />
            </Form.Item>
          </Col>
          <Col span={7}>
            <Form.Item label="可领天数" name={['window', 'claimDays']} extra="留空 = 至生日月结束">
              <InputNumber min={1} max={366} precision={0} suffix="天" style={{ width: '100%' }} />
            </Form.Item>
          </Col>
        </Row>
        <Row gutter={16}>
          <Col span={12}>
            <Form.Item label="排序" name="sortOrder">
              <InputNumber min={-1_000_000} max={1_000_000} precision={0} style={{ width: '100%' }} />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item label="状态" name="active">
              <Radio.Group options={[{ label: '启用', value: true }, { label: '停用', value: false }]} />
            </Form.Item>
          </Col>
        </Row>
        <ReasonField label="修改说明（可选）" required={false} />
      </Form>
    </Modal>
  );
}
