import { App } from 'antd';
import { useCallback } from 'react';
import { errorText, isOpsError } from '../api/opsApiError';

/**
 * For writes started from a table row (on/off sale, activate): the server's message, and on a stale version a
 * clear word and the table reloaded to the newest version.
 */
export function useWriteFeedback(): (error: unknown, reload: () => void) => void {
  const { message } = App.useApp();
  return useCallback(
    (error: unknown, reload: () => void) => {
      if (isOpsError(error, 'STALE_VERSION')) {
        void message.warning('数据已被他人修改，本次修改未保存，已刷新为最新数据，请确认后重试');
        reload();
        return;
      }
      void message.error(errorText(error));
    },
    [message],
  );
}
