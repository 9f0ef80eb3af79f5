import { App, Form, Input, Modal } from 'antd';
import { useOpsMutation } from '../../api/useOps';
import { optionalReason, ReasonField } from '../../components/ReasonField';
import { StoreSelect } from '../../components/StoreSelect';
import { WriteError } from '../../components/WriteError';
import { useOpsAbility } from '../../session/currentSession';
import { MemberPicker } from './MemberPicker';

interface AddValues {
  storeId: string;
  memberId: string;
  name: string;
  reason?: string;
}

/**
 * Lets a member write off at a store: by member id, found with the member search for operators who may search
 * members (a store manager types the id the member shows them). Mounted while open.
 */
export function AddStaffModal({ storeId, fixedStore, onClose, onAdded }: { storeId: string | null; fixedStore: boolean; onClose: () => void; onAdded: () => void }) {
  const [form] = Form.useForm<AddValues>();
  const { message } = App.useApp();
  const canSearchMembers = useOpsAbility().can('read', 'Member');
  const add = useOpsMutation('ops.storeStaff.add', {
    onSuccess: (staff) => {
      void message.success(`已添加店员：${staff.name}（${staff.store.name}）`);
      onAdded();
    },
  });
  return (
    <Modal open title="添加店员" okText="添加" onOk={() => form.submit()} onCancel={onClose} confirmLoading={add.isPending} maskClosable={false}>
      <Form
        form={form}
        layout="vertical"
        requiredMark={false}
        initialValues={{ storeId: storeId ?? undefined }}
        onFinish={(values) => add.mutate({ storeId: (fixedStore ? storeId : values.storeId) ?? '', memberId: values.memberId.trim(), name: values.name.trim(), ...optionalReason(values.reason) })}
      >
        <WriteError error={add.error} />
        {fixedStore ? null : (
          <Form.Item label="门店" name="storeId" rules={[{ required: true, message: '请选择门店' }]}>
            <StoreSelect />
          </Form.Item>
        )}
        {canSearchMembers ? <MemberPicker onPick={(member) => form.setFieldsValue({ memberId: member.id, name: form.getFieldValue('name') || member.nicknameMasked || '' })} /> : null}
        <Form.Item label="会员编号" name="memberId" rules={[{ required: true, pattern: /^[0-9a-f]{24}$/, message: '会员编号为 24 位字符' }]}>
          <Input placeholder="24 位会员编号" />
        </Form.Item>
        <Form.Item label="店员姓名" name="name" extra="核销记录上显示的名字" rules={[{ required: true, whitespace: true, max: 20, message: '请输入 1–20 字的姓名' }]}>
          <Input />
        </Form.Item>
        <ReasonField label="说明（可选）" required={false} />
      </Form>
    </Modal>
  );
}
