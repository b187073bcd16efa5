import { DateTime } from 'luxon';
import { CATEGORY_LABELS, KIND_LABELS, type Session, type Tenant } from '../domain';
import type { SessionSummary } from '../cards/views';

/** "Tuesday 24 November, 16:00–17:30" in the zone. */
export function sessionWhenText(session: Pick<Session, 'startsAt' | 'endsAt'>, zone: string): string {
  const start = DateTime.fromISO(session.startsAt, { zone });
  const end = DateTime.fromISO(session.endsAt, { zone });
  return start.hasSame(end, 'day')
    ? `${start.toFormat('cccc d LLLL')}, ${start.toFormat('HH:mm')}–${end.toFormat('HH:mm')}`
    : `${start.toFormat('cccc d LLLL, HH:mm')} – ${end.toFormat('cccc d LLLL, HH:mm')}`;
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
  return {
    sessionId: session.id,
    title: session.title,
    categoryLabel: CATEGORY_LABELS[session.category],
    kindLabel: KIND_LABELS[session.kind],
    whenText: sessionWhenText(session, tenant.settings.timezone),
    startsAt: session.startsAt,
    endsAt: session.endsAt,
    ...(session.location.place ? { place: session.location.place } : {}),
    ...(session.location.meetingUrl ? { meetingUrl: session.location.meetingUrl } : {}),
    ...(session.externalFacilitator ? { facilitatorText: session.externalFacilitator } : {}),
    compulsory: session.compulsory,
  };
}

/** The line managers are told, in place of a figure built from too few answers. */
export function withheldText(minimum: number): string {
  return `fewer than ${minimum} responses`;
}
