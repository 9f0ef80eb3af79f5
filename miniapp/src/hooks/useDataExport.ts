import { useState } from 'react';
import { type RouteResponse } from '@cakeday/shared';
import { call } from '../api/client';
import { showSuccessToast } from '../components/feedback';
import { deliverExport } from '../platform/deliverExport';
import { useAction, type Action } from './useAction';

export type DataExport = RouteResponse<'members.export'>;

export interface DataExportState {
  result: DataExport | null;
  exportData: Action<[], void>;
}

/** Fetches everything held about the member and hands it over (a download on H5, the clipboard on WeChat). */
export function useDataExport(): DataExportState {
  const [result, setResult] = useState<DataExport | null>(null);
  const exportData = useAction(async () => {
    const data = await call('members.export', {});
    setResult(data);
    const notice = await deliverExport(JSON.stringify(data, null, 2));
    showSuccessToast(notice);
  });
  return { result, exportData };
}
