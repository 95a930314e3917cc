import { ERROR_CODES, type ErrorCode, type FieldProblem } from '../contract/errors.js';

/** What is wrong with one field: a code clients translate, and the English explanation. */
export interface FieldIssue {
  problem: FieldProblem;
  message: string;
}

/** Field name → what is wrong with it. */
export type FieldProblems = Record<string, FieldIssue>;

export interface AppErrorOptions {
  code: ErrorCode;
  /** English, for people reading logs and raw responses. */
  message: string;
  fields?: FieldProblems;
  /** Seconds, for 429 and 503 answers. */
  retryAfter?: number;
  /** Only for errors whose status another layer chose (a body parser's 4xx); else the code's own. */
  status?: number;
}

/** The error codes that answer with a given HTTP status. */
type CodeWithStatus<Status extends number> = { [Code in ErrorCode]: (typeof ERROR_CODES)[Code] extends Status ? Code : never }[ErrorCode];

/**
 * The one error type the API answers with. `code` is stable (clients translate it) and decides
 * the status (contract/errors.ts); `message` is English.
 */
export class AppError extends Error {
  readonly status: number;
  readonly code: ErrorCode;
  readonly fields?: FieldProblems;
  readonly retryAfter?: number;

  constructor(options: AppErrorOptions) {
    super(options.message);
    this.name = 'AppError';
    this.code = options.code;
    this.status = options.status ?? ERROR_CODES[options.code];
    this.fields = options.fields;
    this.retryAfter = options.retryAfter;
  }
}

export class ValidationError extends AppError {
  constructor(fields: FieldProblems, message = 'Some fields are not valid.') {
    super({ code: 'invalid', message, fields });
  }
}

/** One field's problem, as services report it. */
export function invalidField(field: string, problem: FieldProblem, message: string): ValidationError {
  return new ValidationError({ [field]: { problem, message } });
}

export class NotFoundError extends AppError {
  constructor(what: string) {
    super({ code: 'not_found', message: `${what} not found.` });
  }
}

export class UnauthorizedError extends AppError {
  constructor(code: CodeWithStatus<401>, message: string) {
    super({ code, message });
  }
}

export class ForbiddenError extends AppError {
  constructor(code: CodeWithStatus<403>, message: string) {
    super({ code, message });
  }
}

export class ConflictError extends AppError {
  constructor(code: CodeWithStatus<409>, message: string) {
    super({ code, message });
  }
}
