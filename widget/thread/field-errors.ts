import type { Messages } from '../shared/messages.js';

/**
 * The server explains field problems in English; the reader gets them in their language,
 * by the kind of problem the explanation names.
 */
export function localizeFieldErrors(fields: Record<string, string>, messages: Messages): Record<string, string> {
  const f = messages.fieldErrors;
  return Object.fromEntries(
    Object.entries(fields).map(([field, message]) => {
      if (/at most|too (long|big)/i.test(message)) return [field, f.tooLong];
      if (/email/i.test(message)) return [field, f.email];
      if (/http|address|url/i.test(message)) return [field, f.url];
      return [field, /required/i.test(message) ? f.required : f.invalid];
    }),
  );
}
