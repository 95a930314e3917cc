/**
 * Every error code the API answers with, and its HTTP status. Codes are stable: clients
 * translate them. The body is always `{"error": {code, message, fields?, fieldCodes?}}`.
 */
export const ERROR_CODES = {
  invalid: 400,
  invalid_json: 400,
  bad_request: 400,
  unauthorized: 401,
  not_signed_in: 401,
  bad_credentials: 401,
  origin_not_allowed: 403,
  bad_edit_token: 403,
  edit_window_closed: 403,
  /** An author has answered the comment: its words stay what the answer replied to. */
  answered_by_author: 403,
  not_an_author: 403,
  not_your_comment: 403,
  not_found: 404,
  page_locked: 409,
  site_exists: 409,
  author_exists: 409,
  deleted_by_reader: 409,
  /** Another request already posted a comment with this clientId. */
  client_id_used: 409,
  too_large: 413,
  unsupported_encoding: 415,
  /** An uploaded export that is not a file the importer can read (message: format, line, column, what was expected). */
  bad_export: 422,
  rate_limited: 429,
  too_many_attempts: 429,
  internal: 500,
  database_unavailable: 503,
} as const;

export type ErrorCode = keyof typeof ERROR_CODES;

/** Failures a client names itself, when there is no answer from the API to decode. */
export const CLIENT_ERROR_CODES = ['network', 'unknown'] as const;
export type ClientErrorCode = (typeof CLIENT_ERROR_CODES)[number];

/** What is wrong with one field, next to the English explanation in `fields`. */
export const FIELD_PROBLEMS = [
  'required',
  'too_long',
  'email',
  'url',
  /** A page URL that is not on one of the site's origins. */
  'origin',
  /** Not in the shape the field takes (an id, a language tag, a cursor). */
  'format',
  /** A number outside what the field allows. */
  'range',
  /** Not one of the values the field allows. */
  'choice',
  'time_zone',
  /** A reader's name that is, or looks like, the name of one of the site's authors. */
  'reserved',
  'invalid',
] as const;

export type FieldProblem = (typeof FIELD_PROBLEMS)[number];

/** The API's error answer. */
export interface ApiErrorBody {
  error: {
    code: ErrorCode;
    message: string;
    /** Field → what is wrong, in English (kept for older clients). */
    fields?: Record<string, string>;
    /** Field → the problem's code, for clients to translate. */
    fieldCodes?: Record<string, FieldProblem>;
  };
}
