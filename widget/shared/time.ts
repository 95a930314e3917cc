const UNITS: [Intl.RelativeTimeFormatUnit, number][] = [
  ['year', 31_536_000],
  ['month', 2_592_000],
  ['week', 604_800],
  ['day', 86_400],
  ['hour', 3_600],
  ['minute', 60],
];

/** One formatter per locale: building an Intl formatter costs far more than using one. */
function perLocale<Format>(build: (locale: string) => Format): (locale: string) => Format {
  const built = new Map<string, Format>();
  return (locale) => {
    if (!built.has(locale)) built.set(locale, build(locale));
    return built.get(locale)!;
  };
}

const relativeFormat = perLocale((locale) => new Intl.RelativeTimeFormat(locale, { numeric: 'auto' }));
const dateFormat = perLocale((locale) => new Intl.DateTimeFormat(locale, { dateStyle: 'long', timeStyle: 'short' }));
const dayFormat = perLocale((locale) => new Intl.DateTimeFormat(locale, { dateStyle: 'long' }));

/** "3 hours ago", "gerade eben"… in the reader's language. */
export function relativeTime(iso: string, locale: string, now = Date.now()): string {
  const seconds = (Date.parse(iso) - now) / 1000;
  const format = relativeFormat(locale);
  for (const [unit, size] of UNITS) {
    if (Math.abs(seconds) >= size) return format.format(Math.round(seconds / size), unit);
  }
  return format.format(0, 'second');
}

/** The full date and time, for the tooltip. */
export function fullDate(iso: string, locale: string): string {
  return dateFormat(locale).format(new Date(iso));
}

/** The date alone ("23 November 2026"). */
export function longDay(iso: string, locale: string): string {
  return dayFormat(locale).format(new Date(iso));
}
