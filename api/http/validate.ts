import type { z } from 'zod';
import type { FieldProblem } from '../../contract/errors.js';
import { ValidationError, type FieldProblems } from '../errors.js';

/** Parses untrusted input with a zod schema; every problem is reported under its field's name. */
export function parseInput<Schema extends z.ZodType>(schema: Schema, input: unknown): z.output<Schema> {
  const result = schema.safeParse(input ?? {}, { reportInput: true });
  if (result.success) return result.data;
  const fields: FieldProblems = {};
  for (const issue of result.error.issues) {
    const field = issue.path.length > 0 ? issue.path.join('.') : 'body';
    fields[field] ??= { problem: problemOf(issue), message: issue.message };
  }
  throw new ValidationError(fields);
}

/** The contract's name for what a zod issue found; a schema's own checks name theirs in `params.problem`. */
function problemOf(issue: z.core.$ZodIssue): FieldProblem {
  switch (issue.code) {
    case 'invalid_type':
      return issue.input === undefined ? 'required' : 'invalid';
    case 'too_small':
      return issue.origin === 'string' && issue.minimum === 1 ? 'required' : issue.origin === 'number' ? 'range' : 'invalid';
    case 'too_big':
      return issue.origin === 'number' ? 'range' : 'too_long';
    case 'invalid_format':
      return issue.format === 'email' ? 'email' : issue.format === 'url' ? 'url' : 'format';
    case 'invalid_value':
      return 'choice';
    case 'custom':
      return (issue.params?.problem as FieldProblem | undefined) ?? 'invalid';
    default:
      return 'invalid';
  }
}
