import type { FieldProblem } from '../../contract/errors.js';
import type { Messages } from '../shared/messages.js';

/**
 * The server names each field's problem by code; the reader reads it in their language. The
 * messages are keyed by those codes; a URL off the site's origins reads as a wrong URL, and a
 * code this widget does not know yet (a newer server) still gets a message.
 */
export function localizeFieldErrors(codes: Record<string, FieldProblem>, messages: Messages): Record<string, string> {
  const texts: Partial<Record<string, string>> = messages.fieldErrors;
  return Object.fromEntries(Object.entries(codes).map(([field, code]) => [field, texts[code === 'origin' ? 'url' : code] ?? texts.invalid!]));
}
