import { INTEGRATION_KINDS, integrationKindLabels, type IntegrationKind, type OpsIntegration } from '@cakeday/shared';
import { Form, Input, Modal, Radio, Select } from 'antd';
import { useOpsMutation, useOpsQuery } from '../../api/useOps';
import { optionalReason, ReasonField } from '../../components/ReasonField';
import { WriteError } from '../../components/WriteError';

interface Values {
  name: string;
  kind: IntegrationKind;
  storeId?: string;
  reason?: string;
}

/** Creates a till's (bound to its store) or the online shop's key; the secret comes back once, for SecretModal. */
export function CreateIntegrationModal({ onClose, onCreated }: { onClose: () => void; onCreated: (created: { integration: OpsIntegration; secret: string }) => void }) {
  const [form] = Form.useForm<Values>();
  const kind = Form.useWatch('kind', form) ?? 'store';
  const stores = useOpsQuery('ops.stores.list', { page: 1, pageSize: 100, status: 'open' });
  const create = useOpsMutation('ops.integrations.create', { onSuccess: onCreated });
  const submit = (values: Values): void =>
    create.mutate({ name: values.name.trim(), kind: values.kind, storeId: values.kind === 'store' ? (values.storeId ?? null) : null, ...optionalReason(values.reason) });
  return (
    <Modal open title="新建接入" okText="创建" onOk={() => form.submit()} onCancel={onClose} confirmLoading={create.isPending} maskClosable={false}>
      <Form form={form} layout="vertical" requiredMark={false} initialValues={{ kind: 'store' }} onFinish={submit}>
        <WriteError error={create.error} onReload={onClose} />
        <Form.Item label="名称" name="name" rules={[{ required: true, whitespace: true, max: 40, message: '请输入 1–40 字的名称' }]}>
          <Input placeholder="如 徐家汇店收银 1 号" />
        </Form.Item>
        <Form.Item label="类型" name="kind">
          <Radio.Group options={INTEGRATION_KINDS.map((value) => ({ label: integrationKindLabels[value], value }))} />
        </Form.Item>
        {kind === 'store' ? (
          <Form.Item label="门店" name="storeId" rules={[{ required: true, message: '门店收银须选择门店' }]} extra="该密钥只能为这家门店记录消费">
            <Select
              loading={stores.isLoading}
              options={(stores.data?.items ?? []).map((store) => ({ label: `${store.name}（${store.code}）`, value: store.id }))}
              showSearch
              optionFilterProp="label"
            />
          </Form.Item>
        ) : null}
        <ReasonField label="说明（可选）" required={false} />
      </Form>
    </Modal>
  );
}
