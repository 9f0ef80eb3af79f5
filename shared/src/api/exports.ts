import { z } from 'zod';

/**
 * Export routes answer `text/csv`, streamed row by row; `X-Export-Total` carries the row count first so the
 * console can show progress. The handler yields rows; the first row is the header.
 */
export const csvExportResponse = z.string();
export const EXPORT_TOTAL_HEADER = 'X-Export-Total';
