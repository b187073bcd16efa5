import type { Session } from '../../domain';
import { participationsOf } from './planner-sessions';
import { DAY_MS, emptyPlan, plannedDelivery, type Plan, type PlanningInput } from './planner-types';

/** After four weeks an unanswered "Did you attend?" is stale: the lead marks it from the request or the register. */
const ASK_FRESH_MS = 28 * DAY_MS;

/**
 * A booked external course (issue 26): when its last day has ended, the person booked on it is
 * asked whether they attended, unless the lead has already marked them. Through the outbox as
 * any message, so quiet hours, holidays and time away hold it; one id per course and person.
 */
export function planAttendanceChecks(input: PlanningInput, session: Session): Plan {
  const plan = emptyPlan();
  const course = session.externalCourse;
  if (session.kind !== 'external' || !course || session.status !== 'published') return plan;
  const ended = new Date(session.endsAt);
  if (input.now < ended) return plan;
  const unanswered = participationsOf(input, session.id).filter((p) => p.rsvp === 'yes' && p.attended === undefined);
  for (const p of unanswered) {
    plan.deliveries.push(
      plannedDelivery(input, {
        kind: 'course-attendance',
        recipientId: p.staffId,
        subject: { sessionId: session.id, requestId: course.requestId },
        subjectKey: session.id,
        at: ended,
        expiresAt: new Date(ended.getTime() + ASK_FRESH_MS),
      }),
    );
  }
  return plan;
}
