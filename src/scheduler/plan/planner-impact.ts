import { impactFollowUpId, schoolWeeksAfter, type ImpactFollowUp, type Session } from '../../domain';
import { atLocalTime, localDateOf } from '../../domain/school-time';
import { attendeesOf } from './planner-questionnaires';
import { emptyPlan, plannedDelivery, type Plan, type PlanningInput } from './planner-types';

/** Sent late after downtime, a follow-up still makes sense for a few weeks; after that the moment has passed. */
const FOLLOW_UP_FRESH_MS = 28 * 86_400_000;

/** The follow-up is asked at the start of a school day. */
const ASK_AT = '08:30';

/** The series' last session (the session itself when it has no series): the follow-up counts from it. */
function isLastOfSeries(sessions: readonly Session[], session: Session): boolean {
  if (!session.seriesId) return true;
  return !sessions.some((s) => s.seriesId === session.seriesId && s.status === 'published' && s.startsAt > session.startsAt);
}

/** When the follow-up for a marked session is asked: N school weeks (holidays skipped) after it. */
export function impactAskAt(input: PlanningInput, session: Session): Date {
  const zone = input.tenant.settings.timezone;
  const weeks = session.impactFollowUp?.weeksAfter ?? input.tenant.settings.impactFollowUpWeeks;
  return atLocalTime(zone, schoolWeeksAfter(localDateOf(new Date(session.endsAt), zone), weeks, input.calendar), ASK_AT);
}

/**
 * For sessions the lead marked: the attendees (of any session in the series) are asked N school
 * weeks after its last session; once a person answers, their line manager is asked for a view.
 * `only`: that session alone (its series and follow-ups are in the input).
 */
export function planImpactFollowUps(input: PlanningInput, only?: Session): Plan {
  const plan = emptyPlan();
  const existing = new Map((input.impactFollowUps ?? []).map((f) => [f.id, f]));
  const sessions = [...new Map([...(input.impactSessions ?? []), ...input.sessions].map((s) => [s.id, s])).values()];
  // Planning one session (planOneSession): its series is read for the rule, but only it is asked about.
  for (const session of only ? [only] : sessions) {
    if (!session.impactFollowUp || session.status !== 'published' || !isLastOfSeries(sessions, session)) continue;
    const at = impactAskAt(input, session);
    if (input.now < at) continue;
    const series = session.seriesId ? sessions.filter((s) => s.seriesId === session.seriesId).map((s) => s.id) : [session.id];
    const people = new Set(series.flatMap((id) => attendeesOf(input, id)));
    for (const staffId of people) {
      const id = impactFollowUpId(session.id, staffId);
      if (!existing.has(id)) {
        const followUp: ImpactFollowUp = { tenantId: input.tenant.tenantId, id, sessionId: session.id, staffId, askedAt: at.toISOString(), status: 'asked' };
        plan.impactFollowUps.push(followUp);
        plan.deliveries.push(plannedDelivery(input, { kind: 'impact-follow-up', recipientId: staffId, subject: { impactFollowUpId: id }, subjectKey: id, at, expiresAt: new Date(at.getTime() + FOLLOW_UP_FRESH_MS) }));
      }
    }
  }
  const staff = new Map(input.staff.map((s) => [s.id, s]));
  for (const followUp of existing.values()) {
    const managerId = staff.get(followUp.staffId)?.lineManagerId;
    if (followUp.status !== 'answered' || !managerId || !followUp.person) continue;
    plan.deliveries.push(
      plannedDelivery(input, { kind: 'impact-manager-view', recipientId: managerId, subject: { impactFollowUpId: followUp.id }, subjectKey: followUp.id, at: new Date(followUp.person.submittedAt), expiresAt: new Date(Date.parse(followUp.person.submittedAt) + FOLLOW_UP_FRESH_MS) }),
    );
  }
  return plan;
}
