/** E11000 from MongoDB or the dev database (which sends no keyValue): branch on the code only. */
export function isDuplicateKeyError(error: unknown): boolean {
  return typeof error === 'object' && error !== null && (error as { code?: unknown }).code === 11000;
}
