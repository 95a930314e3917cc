import type { ApiErrorBody, FieldProblem } from '../../contract/errors.js';

/** An error the API answered, or `network` when it could not be reached. */
export class ApiError extends Error {
  constructor(
    readonly code: string,
    message: string,
    /** Field → the problem's code (`required`, `too_long`, …), for the reader's language. */
    readonly fieldCodes: Record<string, FieldProblem> = {},
    readonly status = 0,
  ) {
    super(message);
  }
}

/** The one reading of a refusal, for the thread and the inbox alike: the API's error shape, whatever came. */
export async function apiErrorOf(response: Response): Promise<ApiError> {
  const data = (await response.json().catch(() => ({}))) as Partial<ApiErrorBody>;
  const error = data.error;
  return new ApiError(error?.code ?? 'unknown', error?.message ?? response.statusText, error?.fieldCodes ?? {}, response.status);
}
