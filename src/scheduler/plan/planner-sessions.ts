import type { Participation, Session } from '../../domain';
import { addLocalDays, atLocalTime, localDateOf } from '../../domain/school-time';
import { sessionSendExemption, type SendExemption } from '../../domain/send-exemption';
import { resolveAudience } from './audience';
import { emptyPlan, plannedDelivery, type Plan, type PlanningInput } from './planner-types';

/** Session messages may go at a weekend or in a holiday when the session itself is then, and in the hour before it. */
export function sessionWindow(input: PlanningInput, session: Session): SendExemption {
  return sessionSendExemption(session, input.tenant.settings);
}

export function participationsOf(input: PlanningInput, sessionId: string): Participation[] {
  return input.participations.filter((p) => p.sessionId === sessionId);
}

function saidYes(input: PlanningInput, session: Session): string[] {
  return participationsOf(input, session.id)
    .filter((p) => p.rsvp === 'yes')
    .map((p) => p.staffId);
}

/** Invitation on publication; reminders the day before and shortly before; notices of changes and cancellation. */
export function planSessionMessages(input: PlanningInput, session: Session): Plan {
  const plan = emptyPlan();
  const { now } = input;
  const settings = input.tenant.settings;
  const zone = settings.timezone;
  const start = new Date(session.startsAt);
  // Nothing about a session that has begun: a late invitation or reminder helps nobody.
  if (now >= start) return plan;
  const window = sessionWindow(input, session);
  const subject = { sessionId: session.id };
  const add = (kind: Parameters<typeof plannedDelivery>[1]['kind'], recipientId: string, at: Date, slot = '') => {
    // Every message about a session is pointless once it has begun (booking closes at the start).
    const d = plannedDelivery(input, { kind, recipientId, subject, subjectKey: session.id, slot, at, window, expiresAt: start });
    // A message deferred past the start (quiet hours, a holiday) would arrive too late.
    if (new Date(d.dueAt) < start) plan.deliveries.push(d);
  };

  if (session.status === 'cancelled') {
    const at = session.cancelledAt ? new Date(session.cancelledAt) : now;
    const told = participationsOf(input, session.id).filter((p) => p.rsvp === 'yes' || p.rsvp === 'waitlist');
    for (const p of told) add('session-cancelled', p.staffId, at);
    return plan;
  }
  if (session.status !== 'published') return plan;

  const audience = resolveAudience(session.audience, input.staff);
  const invitedAt = session.publishedAt ? new Date(session.publishedAt) : now;
  // A booked external course (docs/requests.md) is not an invitation: the person asked for it and was told it is booked.
  if (session.kind !== 'external') for (const person of audience) add('invitation', person.id, invitedAt);

  if (session.revision > 0) {
    // A fresh id per revision: each change of time or place is told once to those coming.
    const coming = participationsOf(input, session.id).filter((p) => p.rsvp === 'yes' || p.rsvp === 'waitlist');
    for (const p of coming) add('session-changed', p.staffId, now, `rev${session.revision}`);
  }

  const reminded = session.compulsory ? audience.map((s) => s.id) : saidYes(input, session);
  const dayBefore = atLocalTime(zone, addLocalDays(localDateOf(start, zone), -1), settings.reminderDayBeforeAt);
  const shortlyBefore = new Date(start.getTime() - settings.reminderMinutesBefore * 60_000);
  for (const id of reminded) {
    // Planned only once due, so an RSVP changed before then is respected.
    // Published after the day-before time: the invitation is reminder enough.
    if (now >= dayBefore && invitedAt < dayBefore) add('reminder-day-before', id, dayBefore);
    if (now >= shortlyBefore) add('reminder-hour-before', id, shortlyBefore);
  }
  return plan;
}
