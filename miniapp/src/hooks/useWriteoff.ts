import { useState } from 'react';
import { type RouteResponse, type WriteoffRecord } from '@cakeday/shared';
import { call } from '../api/client';
import { showSuccessToast } from '../components/feedback';
import { useAction, type Action } from './useAction';
import { useRemoteData, type RemoteData } from './useRemoteData';

export type StaffProfile = RouteResponse<'writeoff.staffProfile'>;
export type WriteoffPreview = RouteResponse<'writeoff.preview'>;

export function useStaffProfile(): RemoteData<StaffProfile> {
  return useRemoteData(() => call('writeoff.staffProfile', {}));
}

export interface WriteoffState {
  token: string | null;
  preview: WriteoffPreview | null;
  record: WriteoffRecord | null;
  /** Looks the scanned token up without writing anything off. */
  inspect: Action<[token: string], void>;
  /** Writes the previewed coupon or order off: exactly once, at the staff member's store. */
  confirm: Action<[], void>;
  reset(): void;
}

export function useWriteoff(): WriteoffState {
  const [token, setToken] = useState<string | null>(null);
  const [preview, setPreview] = useState<WriteoffPreview | null>(null);
  const [record, setRecord] = useState<WriteoffRecord | null>(null);
  const reset = (): void => {
    setToken(null);
    setPreview(null);
    setRecord(null);
  };
  const inspect = useAction(async (scanned: string) => {
    reset();
    const trimmed = scanned.trim();
    const found = await call('writeoff.preview', { token: trimmed });
    setToken(trimmed);
    setPreview(found);
  });
  const confirm = useAction(async () => {
    if (!token) return;
    const { record: done } = await call('writeoff.redeem', { token });
    setRecord(done);
    showSuccessToast('核销成功');
  });
  return { token, preview, record, inspect, confirm, reset };
}
