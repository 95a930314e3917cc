/** What a JSON export's values are once assembled, with the import's caps applied. */
export type JsonValue = string | number | boolean | null | JsonValue[] | JsonObject | Oversized;
export interface JsonObject {
  [key: string]: JsonValue;
}

/** Stands for a string or a whole record that was too long to keep: `why` says what was too long. */
export class Oversized {
  constructor(readonly why: string) {}

  /** How HeldBack writes it down (JSON.stringify calls this; no replacer walks every value). */
  toJSON(): { $oversized: string } {
    return { $oversized: this.why };
  }
}

/** The object a value is, or null. */
export function asObject(value: JsonValue | undefined): JsonObject | null {
  return typeof value === 'object' && value !== null && !Array.isArray(value) && !(value instanceof Oversized) ? value : null;
}

/** A field as trimmed text (numbers written out), or null when absent, empty or not a scalar. */
export function textOf(object: JsonObject | null, key: string): string | null {
  const value = object?.[key];
  if (typeof value === 'number') return String(value);
  return typeof value === 'string' && value.trim() ? value.trim() : null;
}

/** A field as the raw string (untrimmed: bodies), or null. */
export function stringOf(object: JsonObject | null, key: string): string | null {
  const value = object?.[key];
  return typeof value === 'string' ? value : null;
}

/** Whether a field is `true` (or the string "true"). */
export function isTrue(object: JsonObject | null, key: string): boolean {
  const value = object?.[key];
  return value === true || value === 'true';
}

/** Why a record cannot be imported because it, or one of its fields, was over a cap; null when it is whole. */
export function oversizeProblem(value: JsonValue): string | null {
  if (value instanceof Oversized) return value.why;
  const object = asObject(value);
  if (!object) return null;
  for (const [key, field] of Object.entries(object)) {
    if (field instanceof Oversized) return `its ${key} ${field.why}`;
    const nested = asObject(field) && oversizeProblem(field);
    if (nested) return nested;
  }
  return null;
}
