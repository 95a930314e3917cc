// Control characters (C0, DEL, C1) and the Unicode bidirectional overrides and isolates, which
// can make a name display as something else than what it is.
const UNSAFE_IN_NAMES = /[\u0000-\u001f\u007f-\u009f\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;
// Everything but tab and newline, which Markdown bodies legitimately use.
const UNSAFE_IN_BODIES = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f\u202a-\u202e\u2066-\u2069]/g;

/** A display name as it will be stored: NFC, no control or direction-changing characters, trimmed. */
export function cleanName(name: string): string {
  return name.normalize('NFC').replace(/\s+/g, ' ').replace(UNSAFE_IN_NAMES, '').trim();
}

/** A Markdown body as it will be stored: NFC, unified line ends, no control characters. */
export function cleanBody(body: string): string {
  return body.normalize('NFC').replace(/\r\n?/g, '\n').replace(UNSAFE_IN_BODIES, '').trim();
}
