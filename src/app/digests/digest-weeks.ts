import { DateTime } from 'luxon';
import type { LeadDigestWeek } from '../../cards/views/lead-digest';
import type { Participation, Session } from '../../domain';
import { roundTo } from '../reports';

export interface DigestWeeksInput {
  /** The week the digest reports on, from digest-week.ts: the last of the weeks. */
  lastWeekStart: string;
  zone: string;
  weeks: number;
  sessions: readonly Session[];
  /** Attended participations of those sessions. */
  attended: readonly Pick<Participation, 'sessionId'>[];
  responsesBySession: ReadonlyMap<string, number>;
}

/**
 * The programme week by week, for the digest's trend charts: attendances and the response rate
 * (responses per attendee, over sessions with a register) of each local Monday-to-Sunday week.
 */
export function buildDigestWeeks(input: DigestWeeksInput): LeadDigestWeek[] {
  const last = DateTime.fromISO(input.lastWeekStart, { zone: input.zone });
  const attendedBy = new Map<string, number>();
  for (const p of input.attended) attendedBy.set(p.sessionId, (attendedBy.get(p.sessionId) ?? 0) + 1);
  return Array.from({ length: input.weeks }, (_, i) => {
    const monday = last.minus({ weeks: input.weeks - 1 - i });
    const start = monday.toUTC().toISO()!;
    const end = monday.plus({ weeks: 1 }).toUTC().toISO()!;
    const held = input.sessions.filter((s) => start <= s.startsAt && s.startsAt < end && s.status !== 'cancelled' && s.status !== 'draft');
    const attended = held.reduce((n, s) => n + (attendedBy.get(s.id) ?? 0), 0);
    const rated = held.filter((s) => (attendedBy.get(s.id) ?? 0) > 0);
    const ratedAttended = rated.reduce((n, s) => n + attendedBy.get(s.id)!, 0);
    const responses = rated.reduce((n, s) => n + (input.responsesBySession.get(s.id) ?? 0), 0);
    return {
      label: monday.toFormat('d LLL'),
      sessions: held.length,
      attended,
      ...(ratedAttended > 0 ? { responseRate: roundTo(Math.min(1, responses / ratedAttended), 3) } : {}),
    };
  });
}
