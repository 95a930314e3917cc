/** True for MongoDB's "duplicate key" refusal: a unique index let a concurrent write win. */
export function isDuplicateKey(error: unknown): boolean {
  return (error as { code?: unknown } | null)?.code === 11000;
}
