import { domainToASCII } from 'node:url';
import { remove as withoutConfusables } from 'confusables';

// Invisible formatting characters (zero-width spaces and joiners, the soft hyphen, word joiners,
// bidi marks): a word with one inside looks the same and matches nothing.
const INVISIBLE = /\p{Cf}/gu;

/**
 * Text reduced to how it looks, for comparing, never for storing: compatibility forms folded
 * (NFKC: fullwidth ｖｉａｇｒａ is viagra), invisible characters out, lookalike letters from
 * other scripts replaced by the Latin ones they imitate (Cyrillic Ѕоnіа is Sonia), one case.
 */
export function lookalikeForm(text: string): string {
  return withoutConfusables(text.normalize('NFKC').replace(INVISIBLE, '')).toLowerCase();
}

/** Two names a reader would take for the same one: spacing and punctuation aside, too. */
export function namesLookAlike(a: string, b: string): boolean {
  const essence = (name: string) => lookalikeForm(name).replace(/[\s\p{P}\p{S}]+/gu, '');
  return essence(a) !== '' && essence(a) === essence(b);
}

/**
 * A host name as one spelling: lower case, without the trailing dot that names the same host
 * (`spam.test.`), international names in their ASCII (punycode) form. Empty if it is no host.
 */
export function hostForm(host: string): string {
  return domainToASCII(host.trim().toLowerCase().replace(/\.+$/, ''));
}
