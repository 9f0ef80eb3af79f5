/**
 * Optimistic versions on documents that predate them: a seeded document without `version` reads as version 0, and
 * an edit based on version 0 must match it too (a missing field matches `null`).
 */
export const versionOf = (doc: { version?: number }): number => doc.version ?? 0;

export const atVersion = (version: number): number | { $in: (number | null)[] } => (version === 0 ? { $in: [0, null] } : version);
