import { costPence, courseCategory, courseHours, deterministicId, participationId, Session, type CpdRequest, type Tenant } from '../../domain';
import { atLocalTime } from '../../domain/school-time';
import { updateWithRetry } from '../../store/update';
import type { AppDeps } from '../deps';

/** A cancelled course's session is cancelled too: the planner tells the person and stops its reminders. */
export async function cancelExternalSession(deps: AppDeps, tenant: Tenant, sessionId: string, at: string): Promise<void> {
  await updateWithRetry(deps.store.sessions, tenant.id, sessionId, (s) => (s.status === 'cancelled' ? undefined : { ...s, status: 'cancelled' as const, cancelledAt: at }));
}

/** The session a booked request becomes: one id per request, so booking twice makes one session. */
export function externalSessionId(requestId: string): string {
  return deterministicId('ses', 'external', requestId);
}

/**
 * A booked course becomes a session of kind `external` for the person who asked, with their
 * place taken: it then appears in `sessions`, gets the reminders, goes on their record, and its
 * questionnaire follows as for any session.
 */
export async function bookExternalSession(deps: AppDeps, tenant: Tenant, request: CpdRequest): Promise<string> {
  const zone = tenant.settings.timezone;
  const d = request.details;
  const id = externalSessionId(request.id);
  const now = deps.clock.now().toISOString();
  const startsAt = atLocalTime(zone, d.startDate, d.startTime ?? '09:00').toISOString();
  let endsAt = atLocalTime(zone, d.endDate, d.endTime ?? '16:00').toISOString();
  if (endsAt <= startsAt) endsAt = new Date(Date.parse(startsAt) + 60 * 60_000).toISOString();
  const session = Session.parse({
    tenantId: tenant.id,
    id,
    title: d.courseTitle,
    description: `External course with ${d.provider}. Intended impact: ${d.intendedImpact}`.slice(0, 2000),
    category: courseCategory(d),
    kind: 'external',
    ...(request.schoolId ? { schoolId: request.schoolId } : {}),
    externalFacilitator: d.provider,
    startsAt,
    endsAt,
    location: { place: d.mode === 'online' ? 'Online' : d.provider },
    audience: { kind: 'staff', staffIds: [request.requesterId] },
    // The policies ask how the person will share what they learned: a task with a date, nudged
    // like a gap task and shown in their line manager's digest.
    gapTask: {
      intent: `Share what you learned on ${d.courseTitle}`.slice(0, 2000),
      task: 'Feed back to leaders, or take a slot at a department or staff meeting, and say what changed for pupils.',
    },
    status: 'published',
    publishedAt: now,
    createdBy: request.requesterId,
    externalCourse: { requestId: request.id, hours: courseHours(d), costPence: costPence(request) },
  });
  await deps.store.sessions.create(session);
  await deps.store.participations.create({ tenantId: tenant.id, id: participationId(id, request.requesterId), sessionId: id, staffId: request.requesterId, rsvp: 'yes', rsvpAt: now });
  return id;
}
