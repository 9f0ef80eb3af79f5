import { MAX_STOCK, type OpsMallItem } from '@cakeday/shared';
import { App, Descriptions, Form, InputNumber, Modal } from 'antd';
import { useOpsMutation } from '../../api/useOps';
import { ReasonField } from '../../components/ReasonField';
import { WriteError } from '../../components/WriteError';

/**
 * 库存调整: adds or removes units by a delta with a reason (members' orders reserve stock at the same time, so a
 * number is never set), on the version the table loaded. Mounted while open.
 */
export function StockAdjustModal({ item, onClose, onSaved }: { item: OpsMallItem; onClose: () => void; onSaved: () => void }) {
  const [form] = Form.useForm<{ delta: number; reason: string }>();
  const { message } = App.useApp();
  const delta = Form.useWatch('delta', form);
  const adjust = useOpsMutation('ops.mallItems.adjustStock', {
    onSuccess: (updated) => {
      void message.success(`库存已调整为 ${updated.stock}`);
      onSaved();
    },
  });
  return (
    <Modal open title={`库存调整：${item.title}`} okText="确认调整" onOk={() => form.submit()} onCancel={onClose} confirmLoading={adjust.isPending} maskClosable={false}>
      <Descriptions size="small" column={2} style={{ marginBottom: 16 }}>
        <Descriptions.Item label="当前库存">{item.stock}</Descriptions.Item>
        <Descriptions.Item label="调整后">{typeof delta === 'number' ? item.stock + delta : '—'}</Descriptions.Item>
      </Descriptions>
      <Form
        form={form}
        layout="vertical"
        requiredMark={false}
        onFinish={(values) => adjust.mutate({ id: item.id, version: item.version, delta: values.delta, reason: values.reason.trim() })}
      >
        <WriteError error={adjust.error} onReload={onSaved} />
        <Form.Item
          label="增减数量"
          name="delta"
          extra="正数增加，负数减少；调整后不能小于 0"
          rules={[
            { required: true, message: '请填写增减数量' },
            { validator: async (_rule, value: unknown) => (value === 0 ? Promise.reject(new Error('调整数量不能为 0')) : undefined) },
          ]}
        >
          <InputNumber min={-MAX_STOCK} max={MAX_STOCK} precision={0} style={{ width: '100%' }} />
        </Form.Item>
        <ReasonField label="调整原因" placeholder="如：门店补货 20 件" />
      </Form>
    </Modal>
  );
}
