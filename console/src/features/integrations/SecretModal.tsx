import type { OpsIntegration } from '@cakeday/shared';
import { Alert, Descriptions, Modal, Typography } from 'antd';

/** The key's secret, shown once: the BFF keeps it sealed and no route answers it again. */
export function SecretModal({ shown, onClose }: { shown: { integration: OpsIntegration; secret: string } | null; onClose: () => void }) {
  return (
    <Modal open={shown !== null} title="接入密钥" onOk={onClose} onCancel={onClose} cancelButtonProps={{ style: { display: 'none' } }} okText="我已保存" maskClosable={false}>
      {shown ? (
        <>
          <Alert type="warning" showIcon message="密钥只显示这一次，关闭后无法再次查看。请通过安全的方式交给收银系统或商城的技术人员；遗失请停用后新建。" style={{ marginBottom: 16 }} />
          <Descriptions column={1} bordered size="small">
            <Descriptions.Item label="接入">{shown.integration.name}</Descriptions.Item>
            <Descriptions.Item label="密钥 ID">
              <Typography.Text code copyable>
                {shown.integration.keyId}
              </Typography.Text>
            </Descriptions.Item>
            <Descriptions.Item label="密钥">
              <Typography.Text code copyable data-testid="integration-secret">
                {shown.secret}
              </Typography.Text>
            </Descriptions.Item>
          </Descriptions>
        </>
      ) : null}
    </Modal>
  );
}
