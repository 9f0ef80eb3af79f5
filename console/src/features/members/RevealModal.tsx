import type { OpsMembersRevealResponse } from '@cakeday/shared';
import { Alert, Button, Descriptions, Form, Modal } from 'antd';
import { WriteError } from '../../components/WriteError';
import { ReasonField } from '../../components/ReasonField';
import { useReveal } from './useReveal';

/**
 * 查看完整信息: asks why (the reason goes to the audit log before anything is decrypted), shows the member's phone,
 * nickname and birthday once, and keeps nothing after closing. Mounted while open.
 */
export function RevealModal({ memberId, onClose }: { memberId: string; onClose: () => void }) {
  const [form] = Form.useForm<{ reason: string }>();
  const { state, reveal, forget } = useReveal(memberId);
  const close = (): void => {
    forget();
    onClose();
  };
  const revealed = state.status === 'revealed' ? state.data : null;
  return (
    <Modal
      open
      title="查看完整信息"
      onCancel={close}
      maskClosable={false}
      destroyOnHidden
      footer={
        revealed
          ? [<Button key="close" type="primary" onClick={close}>关闭</Button>]
          : [
              <Button key="cancel" onClick={close}>取消</Button>,
              <Button key="reveal" type="primary" loading={state.status === 'pending'} onClick={() => form.submit()}>
                查看
              </Button>,
            ]
      }
    >
      {revealed ? (
        <RevealedData data={revealed} />
      ) : (
        <Form form={form} layout="vertical" requiredMark={false} onFinish={(values) => void reveal(values.reason.trim())}>
          <Alert type="info" showIcon style={{ marginBottom: 16 }} message="查看会员的完整手机号、昵称和生日须填写原因，本次查看将记入操作日志。" />
          {state.status === 'failed' ? <WriteError error={state.error} /> : null}
          <ReasonField label="查看原因" placeholder="如：会员来电核对身份" />
        </Form>
      )}
    </Modal>
  );
}

function RevealedData({ data }: { data: OpsMembersRevealResponse }) {
  const birthday = data.birthday ? `${data.birthday.year ? `${data.birthday.year}年` : ''}${data.birthday.month}月${data.birthday.day}日` : '未设置';
  return (
    <>
      <Alert type="warning" showIcon style={{ marginBottom: 16 }} message={`仅本次显示，关闭后不再保留（操作日志第 ${data.auditSeq} 条）。请勿截图或转发。`} />
      <Descriptions column={1} bordered size="small">
        <Descriptions.Item label="手机号">{data.phone ?? '未绑定'}</Descriptions.Item>
        <Descriptions.Item label="昵称">{data.nickname ?? '—'}</Descriptions.Item>
        <Descriptions.Item label="生日">{birthday}</Descriptions.Item>
      </Descriptions>
    </>
  );
}
