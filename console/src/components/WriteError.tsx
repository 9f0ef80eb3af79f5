import { Alert, Button } from 'antd';
import { errorText, isOpsError } from '../api/opsApiError';

export const STALE_TITLE = '数据已被他人修改，本次修改未保存';
export const STALE_DESCRIPTION = '在你编辑期间，该记录已被修改。请刷新后查看最新数据，再重新修改。';

/**
 * A failed write in a form: the server's Chinese message by code; a stale edit (STALE_VERSION) says so and offers
 * the reload that brings the newest version.
 */
export function WriteError({ error, onReload }: { error: unknown; onReload?: () => void }) {
  if (!error) return null;
  if (isOpsError(error, 'STALE_VERSION')) {
    return (
      <Alert
        type="warning"
        showIcon
        style={{ marginBottom: 16 }}
        message={STALE_TITLE}
        description={STALE_DESCRIPTION}
        action={
          onReload ? (
            <Button size="small" type="primary" onClick={onReload}>
              刷新
            </Button>
          ) : null
        }
      />
    );
  }
  return <Alert type="error" showIcon style={{ marginBottom: 16 }} message={errorText(error)} />;
}
