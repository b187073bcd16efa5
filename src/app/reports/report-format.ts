import { countOf } from '../../cards/format';
import { DateTime } from 'luxon';

/** "2026-11": sorts as text. */
export function monthKey(at: string, zone: string): string {
  return DateTime.fromISO(at, { zone }).toFormat('yyyy-LL');
}

/** "24 November 2026" */
export function dayText(at: string, zone: string): string {
  return DateTime.fromISO(at, { zone }).toFormat('d LLLL yyyy');
}

/** The line managers are told, in place of a figure built from too few answers. */
export function withheldText(minimum: number): string {
  return `fewer than ${countOf(minimum, 'response')}`;
}
