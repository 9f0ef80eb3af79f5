/**
 * A lookup by key over an array the sandbox only appends to (its users, its outbox), so a campaign's 100,000
 * members cost a map lookup per call instead of a scan. It follows the array it is handed: entries appended since
 * the last lookup are indexed then, and another array (a reset, a loaded state) or a shorter one is indexed afresh.
 */
export class AppendIndex<T> {
  private source: readonly T[] | null = null;
  private indexed = 0;
  private byKey = new Map<string, T[]>();

  constructor(private readonly keysOf: (entry: T) => readonly (string | undefined)[]) {}

  /** Every entry with the key, in the array's order. */
  all(source: readonly T[], key: string): readonly T[] {
    this.catchUp(source);
    return this.byKey.get(key) ?? [];
  }

  /** The first entry with the key, as `Array.find` would answer. */
  first(source: readonly T[], key: string): T | undefined {
    return this.all(source, key)[0];
  }

  private catchUp(source: readonly T[]): void {
    if (source !== this.source || source.length < this.indexed) {
      this.source = source;
      this.indexed = 0;
      this.byKey = new Map();
    }
    for (; this.indexed < source.length; this.indexed += 1) {
      const entry = source[this.indexed] as T;
      for (const key of new Set(this.keysOf(entry))) {
        if (key === undefined) continue;
        const entries = this.byKey.get(key);
        if (entries) entries.push(entry);
        else this.byKey.set(key, [entry]);
      }
    }
  }
}
