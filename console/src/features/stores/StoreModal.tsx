import type { OpsStore } from '@cakeday/shared';
import { App, Col, Form, Input, InputNumber, Modal, Radio, Row, Switch } from 'antd';
import { useOpsMutation } from '../../api/useOps';
import { optionalReason, ReasonField } from '../../components/ReasonField';
import { WriteError } from '../../components/WriteError';
import { storeFields, storeFormValues, type StoreFormValues } from './storeValues';

const CLOCK = { pattern: /^([01]\d|2[0-3]):[0-5]\d$/, message: '格式为 HH:mm' };
const filled = (value: unknown): boolean => value !== null && value !== undefined && value !== '';
/** The other coordinate must be filled too (or neither). */
const pairedWith = (other: 'latitude' | 'longitude') => ({ getFieldValue }: { getFieldValue: (name: string) => unknown }) => ({
  validator: async (_rule: unknown, value: unknown) => {
    if (filled(value) !== filled(getFieldValue(other))) throw new Error('纬度与经度须同时填写');
  },
});

/** Creates a store or edits one on the loaded version (name, address, phone, opening hours, map location, pickup, closed). Mounted while open. */
export function StoreModal({ store, onClose, onSaved }: { store: OpsStore | null; onClose: () => void; onSaved: () => void }) {
  const [form] = Form.useForm<StoreFormValues>();
  const { message } = App.useApp();
  const saved = (): void => {
    void message.success(store ? '门店已保存' : '门店已创建');
    onSaved();
  };
  const create = useOpsMutation('ops.stores.create', { onSuccess: saved });
  const update = useOpsMutation('ops.stores.update', { onSuccess: saved });
  const submit = (values: StoreFormValues): void => {
    if (store) update.mutate({ id: store.id, version: store.version, ...storeFields(values), status: values.status ?? store.status, ...optionalReason(values.reason) });
    else create.mutate({ code: (values.code ?? '').trim(), ...storeFields(values), ...optionalReason(values.reason) });
  };
  return (
    <Modal
      open
      title={store ? `编辑门店：${store.name}` : '新建门店'}
      okText={store ? '保存' : '创建'}
      onOk={() => form.submit()}
      onCancel={onClose}
      confirmLoading={create.isPending || update.isPending}
      maskClosable={false}
    >
      <Form form={form} layout="vertical" requiredMark={false} initialValues={store ? storeFormValues(store) : { offersPickup: true }} onFinish={submit}>
        <WriteError error={store ? update.error : create.error} onReload={onSaved} />
        {store ? null : (
          <Form.Item label="门店编码" name="code" extra="如 SH-002，创建后不能修改" rules={[{ required: true, pattern: /^[A-Za-z0-9][A-Za-z0-9-]{1,31}$/, message: '2–32 位字母、数字或 -' }]}>
            <Input />
          </Form.Item>
        )}
        <Form.Item label="门店名称" name="name" rules={[{ required: true, whitespace: true, max: 40, message: '请输入 1–40 字的名称' }]}>
          <Input />
        </Form.Item>
        <Form.Item label="地址" name="address" rules={[{ max: 120 }]}>
          <Input />
        </Form.Item>
        <Form.Item label="门店电话" name="phone" rules={[{ pattern: /^[0-9+\-() ]{5,20}$/, message: '请输入门店电话' }]}>
          <Input placeholder="021-12345678" />
        </Form.Item>
        <Row gutter={16}>
          <Col span={12}>
            <Form.Item label="开门时间" name="opens" rules={[CLOCK]} extra="北京时间，留空表示不显示营业时间">
              <Input placeholder="08:00" />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item
              label="关门时间"
              name="closes"
              dependencies={['opens']}
              rules={[
                CLOCK,
                ({ getFieldValue }) => ({
                  validator: async (_rule, value: string | undefined) => {
                    if (Boolean(value?.trim()) !== Boolean(String(getFieldValue('opens') ?? '').trim())) throw new Error('开门与关门时间须同时填写');
                  },
                }),
              ]}
              extra="早于开门时间表示次日"
            >
              <Input placeholder="22:00" />
            </Form.Item>
          </Col>
        </Row>
        <Row gutter={16}>
          <Col span={12}>
            <Form.Item
              label="纬度（GCJ-02）"
              name="latitude"
              dependencies={['longitude']}
              rules={[{ type: 'number', min: -90, max: 90, message: '纬度须在 -90 到 90 之间' }, pairedWith('longitude')]}
              extra="腾讯地图坐标拾取器所示（微信地图用的 GCJ-02），不是 GPS 或百度坐标"
            >
              <InputNumber style={{ width: '100%' }} precision={6} placeholder="31.230400" />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item
              label="经度（GCJ-02）"
              name="longitude"
              dependencies={['latitude']}
              rules={[{ type: 'number', min: -180, max: 180, message: '经度须在 -180 到 180 之间' }, pairedWith('latitude')]}
              extra="留空则会员看不到地图与距离"
            >
              <InputNumber style={{ width: '100%' }} precision={6} placeholder="121.473700" />
            </Form.Item>
          </Col>
        </Row>
        <Form.Item label="到店自提" name="offersPickup" valuePropName="checked" extra="开启后，会员下单实物或服务商品时可选择本店自提">
          <Switch />
        </Form.Item>
        {store ? (
          <Form.Item label="状态" name="status">
            <Radio.Group options={[{ label: '营业中', value: 'open' }, { label: '已停业', value: 'closed' }]} />
          </Form.Item>
        ) : null}
        <ReasonField label="修改说明（可选）" required={false} />
      </Form>
    </Modal>
  );
}
