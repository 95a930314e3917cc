/** True for MongoDB's "duplicate key" refusal: a unique index let a concurrent write win. */
export function isDuplicateKey(error: unknown): boolean {
  return (error as { code?: unknown } | null)?.code === 11000;
}

/** True for a bulk write that failed only where a unique index let another write win: the rest went in. */
export function isOnlyDuplicateKeys(error: unknown): boolean {
  const writeErrors = (error as { writeErrors?: unknown } | null)?.writeErrors;
  return Array.isArray(writeErrors) && writeErrors.length > 0 ? writeErrors.every(isDuplicateKey) : isDuplicateKey(error);
}
