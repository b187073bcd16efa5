import ical, { ICalCalendarMethod, ICalEventStatus } from 'ical-generator';
import { DateTime } from 'luxon';
import type { Session, Tenant } from '../domain';
import { vtimezone } from './vtimezone';

/** The calendar UID of a session: the same for every revision, so calendars update the one event. */
export function sessionIcsUid(session: Pick<Session, 'id'>): string {
  return `${session.id}@twilight.cpd`;
}

/**
 * A session as an .ics file. Updates keep the UID and raise SEQUENCE (the session's revision,
 * plus one once cancelled), which is how calendar clients know to replace their copy; a
 * cancelled session goes out as METHOD:CANCEL with STATUS:CANCELLED.
 */
export function renderSessionIcs(session: Session, tenant: Pick<Tenant, 'name' | 'settings'>, stamp?: Date): string {
  const zone = tenant.settings.timezone;
  const cancelled = session.status === 'cancelled';
  const calendar = ical({
    name: tenant.name,
    prodId: { company: 'Twilight', product: 'CPD', language: 'EN' },
    method: cancelled ? ICalCalendarMethod.CANCEL : ICalCalendarMethod.PUBLISH,
  });
  const location = [session.location.place, session.location.meetingUrl].filter(Boolean).join(' · ');
  const description = [session.description, session.gapTask ? `Intent: ${session.gapTask.intent}` : undefined, session.location.meetingUrl]
    .filter(Boolean)
    .join('\n\n');
  calendar.createEvent({
    id: sessionIcsUid(session),
    sequence: session.revision + (cancelled ? 1 : 0),
    start: DateTime.fromISO(session.startsAt, { zone }),
    end: DateTime.fromISO(session.endsAt, { zone }),
    timezone: zone,
    // DTSTAMP must be present; it is the last change we know of, never the wall clock.
    stamp: DateTime.fromJSDate(stamp ?? new Date(session.cancelledAt ?? session.publishedAt ?? session.startsAt), { zone: 'utc' }),
    summary: cancelled ? `Cancelled: ${session.title}` : session.title,
    ...(location ? { location } : {}),
    ...(description ? { description } : {}),
    ...(session.location.meetingUrl ? { url: session.location.meetingUrl } : {}),
    status: cancelled ? ICalEventStatus.CANCELLED : ICalEventStatus.CONFIRMED,
  });
  // The calendar-level timezone option would also write DTSTAMP as local time (it must be UTC),
  // so the VTIMEZONE block is added here and only the event carries the zone.
  const block = vtimezone(zone);
  const text = calendar.toString();
  return block ? text.replace('BEGIN:VEVENT', `${block}\r\nBEGIN:VEVENT`) : text;
}
