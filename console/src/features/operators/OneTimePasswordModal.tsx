import { Alert, Descriptions, Modal, Typography } from 'antd';

export interface OneTimePassword {
  loginName: string;
  displayName: string;
  password: string;
  /** 已创建 or 已重置. */
  action: string;
}

/** The one-time password, shown once: the BFF keeps only its hash, and the operator must change it at first login. */
export function OneTimePasswordModal({ shown, onClose }: { shown: OneTimePassword | null; onClose: () => void }) {
  return (
    <Modal open={shown !== null} title="一次性密码" onOk={onClose} onCancel={onClose} cancelButtonProps={{ style: { display: 'none' } }} okText="我已记下" maskClosable={false}>
      {shown ? (
        <>
          <Alert type="warning" showIcon message="密码只显示这一次，关闭后无法再次查看。请通过安全的方式交给本人，首次登录须修改。" style={{ marginBottom: 16 }} />
          <Descriptions column={1} bordered size="small">
            <Descriptions.Item label="运营人员">
              {shown.displayName}（{shown.loginName}）{shown.action}
            </Descriptions.Item>
            <Descriptions.Item label="一次性密码">
              <Typography.Text code copyable data-testid="one-time-password">
                {shown.password}
              </Typography.Text>
            </Descriptions.Item>
          </Descriptions>
        </>
      ) : null}
    </Modal>
  );
}
