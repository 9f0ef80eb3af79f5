import { SafetyCertificateOutlined } from '@ant-design/icons';
import { App, Button } from 'antd';
import { useOpsMutation } from '../../api/useOps';

/** Checks the hash chain end to end and says whether it holds, or where it first breaks. */
export function VerifyAuditButton() {
  const { modal, message } = App.useApp();
  const verify = useOpsMutation('ops.audit.verify', {
    onSuccess: (result) => {
      if (result.intact) modal.success({ title: '操作日志完整', content: `共 ${result.entries} 条记录，哈希链校验通过。` });
      else modal.error({ title: '操作日志校验未通过', content: `第 ${result.firstBroken?.seq ?? '?'} 条起不一致：${result.firstBroken?.problem ?? ''}` });
    },
    onError: (error) => void message.error(error.message),
  });
  return (
    <Button icon={<SafetyCertificateOutlined />} loading={verify.isPending} onClick={() => verify.mutate({})}>
      校验完整性
    </Button>
  );
}
