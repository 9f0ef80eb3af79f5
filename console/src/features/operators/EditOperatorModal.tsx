import type { Operator, OperatorRole } from '@cakeday/shared';
import { Alert, Form, Input, Modal, Radio } from 'antd';
import { isOpsError } from '../../api/opsApiError';
import { useOpsMutation } from '../../api/useOps';
import { OperatorFields, storeIdFor } from './OperatorFields';

interface EditValues {
  displayName: string;
  roles: OperatorRole[];
  storeId?: string;
  status: Operator['status'];
  reason: string;
}

/**
 * Edits name, roles, store and status on top of the version the table loaded; a stale version is refused and the
 * table reloads. Mounted while one operator is being edited.
 */
export function EditOperatorModal({ operator, onClose, onSaved }: { operator: Operator; onClose: () => void; onSaved: () => void }) {
  const [form] = Form.useForm<EditValues>();
  const update = useOpsMutation('ops.operators.update', { onSuccess: onSaved });
  const stale = isOpsError(update.error, 'STALE_VERSION');
  return (
    <Modal
      open
      title={`编辑运营人员：${operator.loginName}`}
      okText={stale ? '关闭并刷新' : '保存'}
      onOk={stale ? onSaved : () => form.submit()}
      onCancel={stale ? onSaved : onClose}
      confirmLoading={update.isPending}
    >
      <Form
        form={form}
        layout="vertical"
        requiredMark={false}
        initialValues={{ displayName: operator.displayName, roles: operator.roles, storeId: operator.storeId ?? undefined, status: operator.status }}
        onFinish={(values) =>
          update.mutate({
            id: operator.id,
            version: operator.version,
            displayName: values.displayName,
            roles: values.roles,
            storeId: storeIdFor(values.roles, values.storeId),
            status: values.status,
            reason: values.reason,
          })
        }
      >
        {update.error ? (
          <Alert
            type={stale ? 'warning' : 'error'}
            showIcon
            message={stale ? '该运营人员已被修改（如本人修改了密码），本次修改未保存。请刷新后查看最新信息再修改。' : update.error.message}
            style={{ marginBottom: 16 }}
          />
        ) : null}
        <OperatorFields storeName={operator.storeName} />
        <Form.Item label="状态" name="status">
          <Radio.Group options={[{ label: '正常', value: 'active' }, { label: '停用', value: 'disabled' }]} />
        </Form.Item>
        <Form.Item label="修改原因" name="reason" rules={[{ required: true, whitespace: true, min: 2, max: 200, message: '请填写 2–200 字的原因' }]}>
          <Input.TextArea rows={2} placeholder="将记入操作日志" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
