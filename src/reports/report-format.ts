import { DateTime } from 'luxon';
import type { Session, Tenant } from '../domain';
import { formatSessionTime } from '../cards/format';
import { toSessionSummary } from '../cards/session-summary';
import type { SessionSummary } from '../cards/views';

/** "Tuesday 24 November, 16:00–17:30" in the zone. */
export function sessionWhenText(session: Pick<Session, 'startsAt' | 'endsAt'>, zone: string): string {
  return formatSessionTime(session.startsAt, session.endsAt, zone);
}

/** "November 2026" */
export function monthText(at: string, zone: string): string {
  return DateTime.fromISO(at, { zone }).toFormat('LLLL yyyy');
}

/** "2026-11": sorts as text. */
export function monthKey(at: string, zone: string): string {
  return DateTime.fromISO(at, { zone }).toFormat('yyyy-LL');
}

/** "24 November 2026" */
export function dayText(at: string, zone: string): string {
  return DateTime.fromISO(at, { zone }).toFormat('d LLLL yyyy');
}

/** The card summary of a session, as the reports show it (no RSVP or places: reports are about the past). */
export function reportSessionSummary(session: Session, tenant: Pick<Tenant, 'settings'>): SessionSummary {
  return toSessionSummary(session, tenant);
}

/** The line managers are told, in place of a figure built from too few answers. */
export function withheldText(minimum: number): string {
  return `fewer than ${minimum} responses`;
}
