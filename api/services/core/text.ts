// Control characters (C0, DEL, C1), invisible formatting characters (\p{Cf}: zero-width spaces,
// bidi marks, overrides and isolates, the soft hyphen) and the blank letters that render as
// nothing (Hangul fillers, the braille blank): each can make a name display as something else
// than what it is, or as nothing at all.
const UNSAFE_IN_NAMES = /[\p{Cc}\p{Cf}\u115f\u1160\u3164\uffa0\u2800]/gu;
// The zero-width joiner is \p{Cf} too, but between two emoji it makes one (👩‍💻): kept there.
const EMOJI_JOINER = /(?<=\p{Extended_Pictographic}\p{M}*)\u200d(?=\p{Extended_Pictographic})/gu;
const JOINER_PLACEHOLDER = '\u{F0000}';
// Everything but tab and newline, which Markdown bodies legitimately use.
const UNSAFE_IN_BODIES = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f\u202a-\u202e\u2066-\u2069]/g;

/**
 * A display name as it will be stored: NFC, no control, invisible or direction-changing
 * characters, one line, trimmed. Empty when nothing visible was in it.
 */
export function cleanName(name: string): string {
  return name
    .normalize('NFC')
    .replace(EMOJI_JOINER, JOINER_PLACEHOLDER)
    .replace(/\s+/g, ' ')
    .replace(UNSAFE_IN_NAMES, '')
    .replaceAll(JOINER_PLACEHOLDER, '\u200d')
    .replace(/\s+/g, ' ')
    .trim();
}

/** A Markdown body as it will be stored: NFC, unified line ends, no control characters. */
export function cleanBody(body: string): string {
  return body.normalize('NFC').replace(/\r\n?/g, '\n').replace(UNSAFE_IN_BODIES, '').trim();
}

/**
 * Whether two display names name the same person as a blog prints them: case and spaces aside
 * ("Chris Allison", "chris  allison", "ChrisAllison"), after the cleaning a stored name gets.
 */
export function sameName(a: string, b: string): boolean {
  const key = (name: string) => cleanName(name).replace(/\s/g, '').toLowerCase();
  return key(a) !== '' && key(a) === key(b);
}
