import { z } from 'zod';
import type { SchoolCalendar } from './calendar';
import { Instant, LocalDate } from './ids';
import { localDateOf, nextAllowedSendTime, type SendWindowOptions } from './school-time';
import type { Session } from './session';
import type { TenantSettings } from './tenant';

/**
 * What a message's rule allows beyond the usual send window. Kept on the outbox record, so the
 * dispatcher applies the rule the planner applied; a record without one gets no exemption at all.
 */
export const SendExemption = z.object({
  /** Local days (YYYY-MM-DD) on which weekend and holiday rules are waived: the session itself is then. */
  sessionDays: z.array(LocalDate).max(7).default([]),
  /** A span in which quiet hours are waived too: from the hour-before reminder to the session's start. */
  sessionSpan: z.object({ start: Instant, end: Instant }).optional(),
});
export type SendExemption = z.infer<typeof SendExemption>;

type Calendar = Pick<SchoolCalendar, 'holidays' | 'quietHours' | 'quietWeekends'>;

/**
 * Messages about a session may go on its own day(s) even at a weekend or in a holiday, and in
 * quiet hours once the hour-before reminder is due (an evening session).
 */
export function sessionSendExemption(
  session: Pick<Session, 'startsAt' | 'endsAt'>,
  settings: Pick<TenantSettings, 'timezone' | 'reminderMinutesBefore'>,
): SendExemption {
  const start = new Date(session.startsAt);
  const remindFrom = new Date(start.getTime() - settings.reminderMinutesBefore * 60_000);
  const days = [localDateOf(start, settings.timezone), localDateOf(new Date(session.endsAt), settings.timezone)];
  return {
    sessionDays: [...new Set(days)],
    sessionSpan: { start: remindFrom.toISOString(), end: start.toISOString() },
  };
}

/** When the session a message is about starts (the end of its exemption span), if the record says. */
export function sessionStartOf(exemption: SendExemption | undefined): Date | undefined {
  return exemption?.sessionSpan ? new Date(exemption.sessionSpan.end) : undefined;
}

/** The options `nextAllowedSendTime` takes, for a record's exemption in the tenant's zone. */
export function sendWindowOptions(exemption: SendExemption | undefined, zone: string): SendWindowOptions {
  if (!exemption) return { zone };
  const span = exemption.sessionSpan;
  return {
    zone,
    sessionDays: exemption.sessionDays,
    ...(span ? { sessionSpan: { start: new Date(span.start), end: new Date(span.end) } } : {}),
  };
}

/**
 * When an outbox record is due: its rule's time, or now if that has passed (the planner ran late,
 * or after downtime), moved on to the next time a message may be sent. A past rule time is
 * never a licence to send now in quiet hours, at a weekend or in a holiday.
 */
export function outboxDueAt(ruleTime: Date, now: Date, calendar: Calendar, zone: string, exemption?: SendExemption): Date {
  const from = ruleTime > now ? ruleTime : now;
  return nextAllowedSendTime(from, calendar, sendWindowOptions(exemption, zone));
}
