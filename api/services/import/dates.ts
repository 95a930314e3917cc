const TIMESTAMP = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:[.,](\d+))?)?)?\s*(Z|[+-]\d{2}(?::?\d{2})?)?$/i;
// Exports write "no date" as 0000-00-00 or Go's zero time (0001-01-01); no blog comment is that old.
const EARLIEST = Date.UTC(1970, 0, 1);

/**
 * A time written as ISO 8601 (`2013-10-10T19:20:29Z`, `…-06:00`, fractions of any length) or
 * SQL-style (`2010-07-20 12:08:08`). A time without a zone is taken at `offsetMinutes` east of
 * UTC (UTC by default). Null for anything else, including impossible dates (2011-02-30).
 */
export function parseTimestamp(text: string | null, offsetMinutes = 0): Date | null {
  const match = text === null ? null : TIMESTAMP.exec(text.trim());
  if (!match) return null;
  const [year, month, day, hour = 0, minute = 0, second = 0] = match.slice(1, 7).map((part) => (part === undefined ? undefined : Number(part))) as number[];
  const millis = Math.floor(Number(`0.${match[7] ?? '0'}`) * 1000);
  const local = Date.UTC(year as number, (month as number) - 1, day, hour, minute, second, millis);
  const check = new Date(local);
  if (check.getUTCMonth() !== (month as number) - 1 || check.getUTCDate() !== day || hour > 23 || minute > 59 || second > 59) return null;
  const time = local - zoneMinutes(match[8], offsetMinutes) * 60_000;
  return time < EARLIEST ? null : new Date(time);
}

function zoneMinutes(zone: string | undefined, fallback: number): number {
  if (zone === undefined) return fallback;
  if (zone.toUpperCase() === 'Z') return 0;
  const digits = zone.replace(':', '');
  const minutes = Number(digits.slice(1, 3)) * 60 + Number(digits.slice(3, 5) || 0);
  return digits.startsWith('-') ? -minutes : minutes;
}

/** A time given as milliseconds since 1970 (a number or a string of digits); null otherwise. */
export function fromEpochMillis(value: unknown): Date | null {
  const millis = typeof value === 'number' ? value : typeof value === 'string' && /^\d+$/.test(value) ? Number(value) : NaN;
  return Number.isFinite(millis) && millis >= EARLIEST ? new Date(millis) : null;
}
