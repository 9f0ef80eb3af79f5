import { LOGIN_NAME_PATTERN, type OperatorRole } from '@cakeday/shared';
import { Alert, Form, Input, Modal } from 'antd';
import { useOpsMutation } from '../../api/useOps';
import type { OneTimePassword } from './OneTimePasswordModal';
import { OperatorFields, storeIdFor } from './OperatorFields';

interface CreateValues {
  loginName: string;
  displayName: string;
  roles: OperatorRole[];
  storeId?: string;
}

export function CreateOperatorModal({ open, onClose, onCreated }: { open: boolean; onClose: () => void; onCreated: (shown: OneTimePassword) => void }) {
  const [form] = Form.useForm<CreateValues>();
  const create = useOpsMutation('ops.operators.create', {
    onSuccess: ({ operator, oneTimePassword }) => {
      form.resetFields();
      onCreated({ loginName: operator.loginName, displayName: operator.displayName, password: oneTimePassword, action: '已创建' });
    },
  });
  const close = (): void => {
    create.reset();
    onClose();
  };
  return (
    <Modal open={open} title="新建运营人员" okText="创建" onOk={() => form.submit()} onCancel={close} confirmLoading={create.isPending} destroyOnHidden>
      <Form
        form={form}
        layout="vertical"
        requiredMark={false}
        initialValues={{ roles: ['ops'] }}
        onFinish={(values) =>
          create.mutate({ loginName: values.loginName, displayName: values.displayName, roles: values.roles, storeId: storeIdFor(values.roles, values.storeId) })
        }
      >
        {create.error ? <Alert type="error" showIcon message={create.error.message} style={{ marginBottom: 16 }} /> : null}
        <Form.Item
          label="登录名"
          name="loginName"
          extra="3–32 位小写字母、数字或 . _ -，以字母开头；创建后不能修改"
          rules={[{ required: true, pattern: LOGIN_NAME_PATTERN, message: '3–32 位小写字母、数字或 . _ -，以字母开头' }]}
        >
          <Input autoComplete="off" />
        </Form.Item>
        <OperatorFields />
      </Form>
    </Modal>
  );
}
