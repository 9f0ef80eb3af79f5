/**
 * Counts CSV records as text streams in, chunk by chunk: a line break ends a record only outside quotes (a reason
 * or a JSON cell may hold quoted line breaks). The first record is the header.
 */
export class CsvRowCounter {
  private inQuotes = false;
  private pendingRecord = false;
  private records = 0;

  push(text: string): void {
    for (const char of text) {
      if (char === '"') this.inQuotes = !this.inQuotes;
      if (char === '\n' && !this.inQuotes) {
        this.records += 1;
        this.pendingRecord = false;
      } else if (char !== '\r' && char !== '\uFEFF') {
        this.pendingRecord = true;
      }
    }
  }

  /** Data rows so far, the header not counted; `final` also counts a last record without a line break. */
  dataRows(final = false): number {
    const records = this.records + (final && this.pendingRecord ? 1 : 0);
    return Math.max(0, records - 1);
  }
}
