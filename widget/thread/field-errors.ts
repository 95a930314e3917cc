import type { FieldProblem } from '../../contract/errors.js';
import type { Messages } from '../shared/messages.js';

type FieldMessage = keyof Messages['fieldErrors'];

/** Which of the reader's messages says each problem the API names; any other is `invalid`. */
const MESSAGE_FOR: Partial<Record<FieldProblem, FieldMessage>> = {
  required: 'required',
  too_long: 'tooLong',
  email: 'email',
  url: 'url',
  origin: 'url',
  reserved: 'reserved',
};

/** The server names each field's problem by code; the reader reads it in their language. */
export function localizeFieldErrors(codes: Record<string, FieldProblem>, messages: Messages): Record<string, string> {
  // A code this widget does not know yet (a newer server) still gets a message.
  return Object.fromEntries(Object.entries(codes).map(([field, code]) => [field, messages.fieldErrors[MESSAGE_FOR[code] ?? 'invalid']]));
}
