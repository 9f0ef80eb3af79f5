import { LIMIT_PERIODS, limitPeriodLabels, MALL_ITEM_KINDS, mallItemKindLabels, TIER_LEVELS, tierNames } from '@cakeday/shared';
import { Col, DatePicker, Form, Image, Input, InputNumber, Radio, Row, Select, Space } from 'antd';
import { useOpsQuery } from '../../api/useOps';
import { badImageLines, type MallItemFormValues } from './mallItemValues';

const kindOptions = MALL_ITEM_KINDS.map((kind) => ({ value: kind, label: mallItemKindLabels[kind] }));
const periodOptions = LIMIT_PERIODS.map((period) => ({ value: period, label: limitPeriodLabels[period] }));
const tierOptions = [{ value: 'all', label: '所有等级' }, ...TIER_LEVELS.map((tier) => ({ value: tier, label: `${tierNames[tier]}及以上` }))];

/** The item's editable fields (not code and stock, which creating adds and editing leaves). */
export function MallItemFields() {
  const form = Form.useFormInstance<MallItemFormValues>();
  const kind = Form.useWatch('kind', form);
  const imagesText = Form.useWatch('imagesText', form);
  return (
    <>
      <Row gutter={16}>
        <Col span={12}>
          <Form.Item label="标题" name="title" rules={[{ required: true, whitespace: true, max: 40, message: '请输入 1–40 字的标题' }]}>
            <Input />
          </Form.Item>
        </Col>
        <Col span={12}>
          <Form.Item label="类型" name="kind" rules={[{ required: true }]}>
            <Select options={kindOptions} />
          </Form.Item>
        </Col>
      </Row>
      <Form.Item label="副标题" name="subtitle" rules={[{ max: 60 }]}>
        <Input />
      </Form.Item>
      <Form.Item label="详情" name="description" rules={[{ max: 2000 }]}>
        <Input.TextArea rows={3} />
      </Form.Item>
      {kind === 'coupon' ? <CouponTemplateField /> : null}
      <Row gutter={16}>
        <Col span={8}>
          <Form.Item label="积分价" name="pointsPrice" rules={[{ required: true, message: '请填写积分价' }]}>
            <InputNumber min={0} max={10_000_000} precision={0} style={{ width: '100%' }} suffix="积分" />
          </Form.Item>
        </Col>
        <Col span={8}>
          <Form.Item label="现金价" name="cashYuan" extra="0 = 纯积分兑换" rules={[{ required: true, message: '请填写现金价' }]}>
            <InputNumber min={0} max={1_000_000} precision={2} style={{ width: '100%' }} prefix="¥" />
          </Form.Item>
        </Col>
        <Col span={8}>
          <Form.Item label="会员等级" name="tierRequired">
            <Select options={tierOptions} />
          </Form.Item>
        </Col>
      </Row>
      <Row gutter={16}>
        <Col span={8}>
          <Form.Item label="限兑数量" name="limitPerMember" rules={[{ required: true, message: '请填写限兑数量' }]}>
            <InputNumber min={1} max={1000} precision={0} style={{ width: '100%' }} />
          </Form.Item>
        </Col>
        <Col span={8}>
          <Form.Item label="限兑周期" name="limitPeriod">
            <Select options={periodOptions} />
          </Form.Item>
        </Col>
        <Col span={8}>
          <Form.Item label="排序" name="sortOrder" extra="越小越靠前">
            <InputNumber min={-1_000_000} max={1_000_000} precision={0} style={{ width: '100%' }} />
          </Form.Item>
        </Col>
      </Row>
      <Form.Item label="可见时间（北京时间）" extra="留空则一直可见">
        <Space>
          <Form.Item name="visibleFrom" noStyle>
            <DatePicker showTime={{ format: 'HH:mm' }} format="YYYY-MM-DD HH:mm" placeholder="开始" />
          </Form.Item>
          <Form.Item name="visibleTo" noStyle>
            <DatePicker showTime={{ format: 'HH:mm' }} format="YYYY-MM-DD HH:mm" placeholder="结束" />
          </Form.Item>
        </Space>
      </Form.Item>
      <Form.Item label="兑换规则" name="rulesText" extra="每行一条，最多 10 条">
        <Input.TextArea rows={3} />
      </Form.Item>
      <Form.Item
        label="图片地址"
        name="imagesText"
        extra="每行一个 https 图片地址；商品封面请在“图片”中上传"
        rules={[
          {
            validator: async (_rule, value: string | undefined) => {
              const bad = badImageLines(value);
              if (bad.length > 0) throw new Error(`须为 https 图片地址：${bad[0]}`);
            },
          },
        ]}
      >
        <Input.TextArea rows={3} placeholder="https://cdn.example.com/item.jpg" />
      </Form.Item>
      <ImagePreview text={imagesText} />
      <Form.Item label="状态" name="status">
        <Radio.Group options={[{ label: '上架', value: 'active' }, { label: '下架', value: 'inactive' }]} />
      </Form.Item>
    </>
  );
}

function CouponTemplateField() {
  const templates = useOpsQuery('ops.couponTemplates.list', { page: 1, pageSize: 100, active: true });
  const options = (templates.data?.items ?? []).map((template) => ({ value: template.code, label: `${template.title}（${template.code}）` }));
  return (
    <Form.Item label="券模板" name="couponTemplateCode" extra="每兑换一件发放一张此券" rules={[{ required: true, message: '优惠券商品须指定券模板' }]}>
      <Select options={options} loading={templates.isPending} showSearch optionFilterProp="label" />
    </Form.Item>
  );
}

function ImagePreview({ text }: { text: string | undefined }) {
  const urls = (text ?? '').split('\n').map((line) => line.trim()).filter((line) => line.startsWith('https://'));
  if (urls.length === 0) return null;
  return (
    <Space wrap style={{ marginBottom: 16 }}>
      {urls.map((url) => (
        <Image key={url} src={url} width={64} height={64} style={{ objectFit: 'cover' }} />
      ))}
    </Space>
  );
}
