import { App } from 'antd';
import { useCallback } from 'react';
import { errorText } from '../api/opsApiError';

/** Shows a failed call's Chinese text as a message (ProTable's onRequestError, mutation onError). */
export function useRequestErrorMessage(): (error: unknown) => void {
  const { message } = App.useApp();
  return useCallback((error: unknown) => void message.error(errorText(error)), [message]);
}
