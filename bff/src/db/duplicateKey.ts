/** E11000 from MongoDB or the dev database (which sends no keyValue): branch on the code only. */
export function isDuplicateKeyError(error: unknown): boolean {
  return typeof error === 'object' && error !== null && (error as { code?: unknown }).code === 11000;
}

/**
 * An unordered bulk write (insertMany, bulkWrite) whose only failures were duplicate keys: the documents the unique
 * keys refused were already there, and every other one was written.
 */
export function isOnlyDuplicateKeyErrors(error: unknown): boolean {
  const writeErrors = (error as { writeErrors?: unknown[] } | null)?.writeErrors;
  if (!Array.isArray(writeErrors)) return isDuplicateKeyError(error);
  return writeErrors.every((writeError) => isDuplicateKeyError(writeError) || isDuplicateKeyError((writeError as { err?: unknown }).err));
}
