import { DateTime } from 'luxon';
import type { SnoozeChoice } from '../../../contract/enums.js';

/** When a snoozed comment comes back: in 3 hours, tomorrow at 8:00, or next Monday at 8:00, in the author's time zone. */
export function snoozeEnd(choice: SnoozeChoice, now: Date, timeZone: string): Date {
  const local = DateTime.fromJSDate(now, { zone: timeZone });
  const morning = { hour: 8, minute: 0, second: 0, millisecond: 0 };
  if (choice === 'later-today') return local.plus({ hours: 3 }).toJSDate();
  if (choice === 'tomorrow') return local.plus({ days: 1 }).set(morning).toJSDate();
  return local.plus({ weeks: 1 }).startOf('week').set(morning).toJSDate();
}
