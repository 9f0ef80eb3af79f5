import { Readable } from 'node:stream';
import { EXPORT_TOTAL_HEADER } from '@cakeday/shared';
import type { CakedayContext } from './context';
import type { CsvExport } from './routeHandler';

/** RFC 4180 quoting; a leading =, +, - or @ is defused so a spreadsheet never runs a cell as a formula. */
export function csvCell(value: string | number | null): string {
  if (value === null) return '';
  let text = String(value);
  if (typeof value === 'string' && /^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

async function* lines(rows: CsvExport['rows']): AsyncGenerator<string> {
  // A byte-order mark so that Excel opens the UTF-8 Chinese text correctly.
  yield '\uFEFF';
  for await (const row of rows) yield `${row.map(csvCell).join(',')}\r\n`;
}

/** Streams an export: the total first (X-Export-Total) so the console can show progress, then the rows. */
export function sendCsv(ctx: CakedayContext, result: CsvExport): void {
  ctx.status = 200;
  ctx.set('Content-Type', 'text/csv; charset=utf-8');
  ctx.set('Content-Disposition', `attachment; filename*=UTF-8''${encodeURIComponent(result.filename)}`);
  ctx.set(EXPORT_TOTAL_HEADER, String(result.total));
  ctx.set('Access-Control-Expose-Headers', `X-Request-Id,${EXPORT_TOTAL_HEADER},Content-Disposition`);
  ctx.set('Cache-Control', 'no-store');
  ctx.body = Readable.from(lines(result.rows));
}
