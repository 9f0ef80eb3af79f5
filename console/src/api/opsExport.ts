import { EXPORT_TOTAL_HEADER } from '@cakeday/shared';
import { CsvRowCounter } from './csvRowCounter';
import { assertOk, opsFetch } from './opsClient';
import type { OpsExportName, OpsInput } from './opsRoutes';
import { saveFile } from './saveFile';

export interface ExportProgress {
  /** Data rows received so far. */
  rows: number;
  /** Rows the BFF announced (X-Export-Total); null when it did not say. */
  total: number | null;
}

export interface ExportResult {
  filename: string;
  rows: number;
}

/** `attachment; filename*=UTF-8''audit-log.csv` → `audit-log.csv`. */
export function filenameFrom(disposition: string | null, fallback: string): string {
  const encoded = disposition?.match(/filename\*=UTF-8''([^;]+)/i)?.[1];
  if (encoded) {
    try {
      return decodeURIComponent(encoded);
    } catch {
      return fallback;
    }
  }
  return disposition?.match(/filename="?([^";]+)"?/i)?.[1] ?? fallback;
}

function totalFrom(response: Response): number | null {
  const header = response.headers.get(EXPORT_TOTAL_HEADER);
  const total = header === null ? Number.NaN : Number(header);
  return Number.isInteger(total) && total >= 0 ? total : null;
}

/**
 * Streams a CSV export (`stream: 'csv'` routes), reporting the rows received against X-Export-Total as they
 * arrive, then saves the file through the browser's download.
 */
export async function opsExport<N extends OpsExportName>(
  name: N,
  input: OpsInput<N>,
  onProgress: (progress: ExportProgress) => void,
  signal?: AbortSignal,
): Promise<ExportResult> {
  const response = await opsFetch(name, input, signal);
  await assertOk(name, response);
  const total = totalFrom(response);
  onProgress({ rows: 0, total });
  const chunks: Uint8Array[] = [];
  const counter = new CsvRowCounter();
  const decoder = new TextDecoder();
  if (response.body) {
    const reader = response.body.getReader();
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      chunks.push(value);
      counter.push(decoder.decode(value, { stream: true }));
      onProgress({ rows: counter.dataRows(), total });
    }
  }
  counter.push(decoder.decode());
  const rows = counter.dataRows(true);
  onProgress({ rows, total });
  const filename = filenameFrom(response.headers.get('Content-Disposition'), `${name}.csv`);
  saveFile(new Blob(chunks as BlobPart[], { type: 'text/csv;charset=utf-8' }), filename);
  return { filename, rows };
}
