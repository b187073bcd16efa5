import { answerCourseAttendance, participationId, type CourseAttendanceAnswer, type CpdRequest } from '../../domain';
import { updateWithRetry, upsertWithRetry } from '../../store/update';
import type { Actor } from '../people';
import type { AppDeps } from '../deps';
import { notice } from '../notice';
import { leadsCpdFor } from '../tenants';
import { cancelExternalSession } from './request-booking';
import type { RequestActionResult } from './request-decisions';
import { enqueueRequestMessage } from './request-messages';
import { bookerOf, viewerOf } from './request-people';
import { buildCpdRequestView, courseHasEnded, NOT_FOUND } from './request-view';

/** The slot of the message telling the other side what was answered: once per request. */
export const ATTENDANCE_SLOT = 'attendance';

const DONE: Record<CourseAttendanceAnswer, (own: boolean) => string> = {
  attended: (own) =>
    own
      ? 'Thank you: the course is on your CPD record with its hours (say "my cpd" to see it). Its reaction questionnaire and the "share what you learned" task follow. Send me the certificate as a file here to keep it with the record.'
      : 'Marked attended: the course is on their CPD record with its hours.',
  'not-attended': (own) => (own ? 'Noted: the course is not on your record. The booking still counts against the budget; the person who books courses has been told.' : 'Marked not attended: it is not on their record, and its cost still counts.'),
  'course-cancelled': (own) =>
    own ? 'Noted: the course is cancelled and its cost no longer counts. The person who books courses has been told, to ask the provider for a refund.' : 'Marked cancelled: its cost no longer counts against the budget.',
};

/**
 * "Did you attend?" answered on the request card after a booked course's last day (issue 26), by
 * the person or by the booker or CPD lead. The answer is first written as the person's mark on the
 * course's register (the record, the hours and the governors' report read attendance from there),
 * then the request moves on under its ETag: a failure between the two is mended by the planner's
 * pass (advanceCpdRequests reads the register) or by pressing again.
 */
export async function answerAttendance(deps: AppDeps, actor: Actor, requestId: string, answer: CourseAttendanceAnswer): Promise<RequestActionResult> {
  const tenant = actor.tenant;
  const request = (await deps.store.cpdRequests.get(tenant.id, requestId))?.value;
  const booker = await bookerOf(deps, tenant);
  const as = request ? viewerOf(request, actor.staff, booker?.id, actor.tenant) : undefined;
  if (!request || !as) return { ok: false, view: NOT_FOUND };
  const mayMark = as === 'booker' || leadsCpdFor(tenant, actor.staff, request.schoolId);
  const at = deps.clock.now().toISOString();
  const ended = await courseHasEnded(deps, tenant, request);
  const check = answerCourseAttendance(request, answer, actor.staff.id, mayMark, ended, at);
  if (!check.ok) return { ok: false, view: notice('attention', check.message) };

  const sessionId = request.booking!.sessionId;
  if (answer !== 'course-cancelled') {
    const id = participationId(sessionId, request.requesterId);
    const present = answer === 'attended';
    const marked = await upsertWithRetry(deps.store.participations, tenant.id, id, (current) =>
      current?.attended === present
        ? undefined
        : { tenantId: tenant.id, id, sessionId, staffId: request.requesterId, ...(current ?? {}), attended: present, attendanceMarkedAt: at, attendanceMarkedBy: actor.staff.id },
    );
    if (!marked.ok) return { ok: false, view: notice('attention', 'Someone else was changing this at the same moment. Please press the button again.') };
  }
  const written = await updateWithRetry(deps.store.cpdRequests, tenant.id, requestId, (current) => {
    const next = answerCourseAttendance(current, answer, actor.staff.id, mayMark, ended, at);
    return next.ok ? next.request : undefined;
  });
  if (!written.ok) return { ok: false, view: notice('attention', 'Someone else was changing this request at the same moment. Please press the button again.') };
  const stored = written.value;
  if (answer === 'course-cancelled' && stored.status === 'cancelled') await cancelExternalSession(deps, tenant, sessionId, at);
  if (written.changed) await tellTheOtherSide(deps, stored, actor.staff.id, booker?.id);
  const own = actor.staff.id === request.requesterId;
  return { ok: true, view: await buildCpdRequestView(deps, tenant, stored, actor.staff, { tone: 'good', text: DONE[answer](own) }) };
}

/** The person answered: the booker hears of a no-show or a cancellation (a refund to claim). The lead marked it: the person hears. */
async function tellTheOtherSide(deps: AppDeps, request: CpdRequest, by: string, bookerId: string | undefined): Promise<void> {
  if (by !== request.requesterId) {
    await enqueueRequestMessage(deps, request, 'request-update', request.requesterId, ATTENDANCE_SLOT);
    return;
  }
  if (request.status !== 'attended' && bookerId && bookerId !== by) await enqueueRequestMessage(deps, request, 'request-update', bookerId, ATTENDANCE_SLOT);
}
