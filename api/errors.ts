/** Field name → what is wrong with it, as shown next to the field in the widget. */
export type FieldProblems = Record<string, string>;

/**
 * The one error type the API answers with. `code` is stable (clients translate it);
 * `message` is English for people reading logs and raw responses.
 */
export class AppError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly fields?: FieldProblems,
    /** Seconds, for 429 and 503 answers. */
    readonly retryAfter?: number,
  ) {
    super(message);
    this.name = 'AppError';
  }
}

export class ValidationError extends AppError {
  constructor(fields: FieldProblems, message = 'Some fields are not valid.') {
    super(400, 'invalid', message, fields);
  }
}

export class NotFoundError extends AppError {
  constructor(what: string) {
    super(404, 'not_found', `${what} not found.`);
  }
}

export class ForbiddenError extends AppError {
  constructor(code: string, message: string) {
    super(403, code, message);
  }
}
