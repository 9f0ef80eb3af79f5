import { isCatalogImagePath, MAX_STOCK, type OpsMallItem } from '@cakeday/shared';
import { App, Col, Form, Input, InputNumber, Modal, Row } from 'antd';
import { useOpsMutation } from '../../api/useOps';
import { optionalReason, ReasonField } from '../../components/ReasonField';
import { WriteError } from '../../components/WriteError';
import { MallItemFields } from './MallItemFields';
import { editableOf, formValuesOf, NEW_ITEM_VALUES, type MallItemFormValues } from './mallItemValues';

/**
 * Creates an item (off sale unless chosen otherwise, with its code and opening stock) or edits one on top of the
 * version the table loaded; stock changes only through 库存调整. Mounted while open.
 */
export function MallItemModal({ item, onClose, onSaved }: { item: OpsMallItem | null; onClose: () => void; onSaved: () => void }) {
  const [form] = Form.useForm<MallItemFormValues>();
  const { message } = App.useApp();
  const saved = (): void => {
    void message.success(item ? '商品已保存' : '商品已创建');
    onSaved();
  };
  const create = useOpsMutation('ops.mallItems.create', { onSuccess: saved });
  const update = useOpsMutation('ops.mallItems.update', { onSuccess: saved });
  const pending = create.isPending || update.isPending;
  const submit = (values: MallItemFormValues): void => {
    if (item) {
      update.mutate({ id: item.id, version: item.version, ...editableOf(values, item.images.filter(isCatalogImagePath)), ...optionalReason(values.reason) });
    } else {
      create.mutate({ code: (values.code ?? '').trim(), stock: values.stock ?? 0, ...editableOf(values), ...optionalReason(values.reason) });
    }
  };
  return (
    <Modal
      open
      width={760}
      title={item ? `编辑商品：${item.title}` : '新建商品'}
      okText={item ? '保存' : '创建'}
      onOk={() => form.submit()}
      onCancel={onClose}
      confirmLoading={pending}
      maskClosable={false}
    >
      <Form form={form} layout="vertical" requiredMark={false} initialValues={item ? formValuesOf(item) : NEW_ITEM_VALUES} onFinish={submit} disabled={pending}>
        <WriteError error={item ? update.error : create.error} onReload={onSaved} />
        {item ? null : (
          <Row gutter={16}>
            <Col span={12}>
              <Form.Item
                label="商品编码"
                name="code"
                extra="创建后不能修改"
                rules={[{ required: true, pattern: /^[a-z0-9][a-z0-9-]{1,63}$/, message: '2–64 位小写字母、数字或 -' }]}
              >
                <Input />
              </Form.Item>
            </Col>
            <Col span={12}>
              <Form.Item label="初始库存" name="stock" rules={[{ required: true, message: '请填写初始库存' }]}>
                <InputNumber min={0} max={MAX_STOCK} precision={0} style={{ width: '100%' }} />
              </Form.Item>
            </Col>
          </Row>
        )}
        <MallItemFields />
        <ReasonField label="修改说明（可选）" required={false} />
      </Form>
    </Modal>
  );
}
