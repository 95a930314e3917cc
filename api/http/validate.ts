import type { z } from 'zod';
import { ValidationError } from '../errors.js';

/** Parses untrusted input with a zod schema; every problem is reported under its field's name. */
export function parseInput<Schema extends z.ZodType>(schema: Schema, input: unknown): z.output<Schema> {
  const result = schema.safeParse(input ?? {});
  if (result.success) return result.data;
  const fields: Record<string, string> = {};
  for (const issue of result.error.issues) {
    const field = issue.path.length > 0 ? issue.path.join('.') : 'body';
    fields[field] ??= issue.message;
  }
  throw new ValidationError(fields);
}
