import { hasRole, participationId, sessionIdFor, type FieldErrors, type Session } from '../domain';
import { updateWithRetry, upsertWithRetry } from '../store/update';
import type { Actor } from './actor';
import type { AppDeps } from './deps';
import { loadRegister, registerIsOpen } from './register-people';
import { resolveNamedStaff } from './session-audience';
import { mayRunSession } from './session-roles';
import { checkSessionForm } from './session-form';
import { tenantTemplates } from './questionnaires/template-file';

export type SessionAdminResult = { ok: true; session: Session; created?: boolean } | { ok: false; message: string; errors?: FieldErrors };

const LEADS_ONLY: SessionAdminResult = { ok: false, message: 'Only CPD leads can create, change or cancel sessions.' };
const NOT_FOUND: SessionAdminResult = { ok: false, message: "I can't find that session." };

/** A questionnaire the form names must be one of the tenant's reaction templates. */
async function unknownTemplate(deps: AppDeps, tenantId: string, templateId: string | undefined): Promise<SessionAdminResult | undefined> {
  if (!templateId) return undefined;
  const known = (await tenantTemplates(deps, tenantId)).some((t) => t.id === templateId && t.purpose === 'reaction');
  return known ? undefined : { ok: false, message: 'Please check the fields marked.', errors: { questionnaireTemplateId: 'Choose one of the questionnaires offered.' } };
}

/** A lead creates a session from the form; `publish` invites its audience straight away (the planner sends the invitations). */
export async function createSession(
  deps: AppDeps,
  actor: Actor,
  raw: Record<string, unknown>,
  options: { publish: boolean },
): Promise<SessionAdminResult> {
  if (!hasRole(actor.staff, 'cpd-lead')) return LEADS_ONLY;
  const now = deps.clock.now();
  const checked = checkSessionForm(raw, actor.tenant.settings.timezone, now, actor.tenant.schools);
  if (!checked.ok) return { ok: false, message: 'Please check the fields marked.', errors: checked.errors };
  const { input, times } = checked;
  const resolved = await resolveNamedStaff(deps, actor.tenant.id, checked.audience);
  if (!resolved.ok) return { ok: false, message: 'Please check the fields marked.', errors: { audienceValue: resolved.error } };
  const audience = resolved.audience;
  if (input.followUpSessionId && !(await deps.store.sessions.get(actor.tenant.id, input.followUpSessionId))) {
    return { ok: false, message: 'Please check the fields marked.', errors: { followUpSessionId: 'No such session.' } };
  }
  const templateProblem = await unknownTemplate(deps, actor.tenant.id, input.questionnaireTemplateId);
  if (templateProblem) return templateProblem;
  const session: Session = {
    tenantId: actor.tenant.id,
    id: sessionIdFor(input.title, times.startsAt),
    title: input.title,
    ...(input.description ? { description: input.description } : {}),
    category: input.category,
    kind: input.kind,
    facilitatorIds: [],
    startsAt: times.startsAt,
    endsAt: times.endsAt,
    location: { ...(input.place ? { place: input.place } : {}), ...(input.meetingUrl ? { meetingUrl: input.meetingUrl } : {}) },
    ...(input.capacity !== undefined ? { capacity: input.capacity } : {}),
    audience,
    compulsory: input.compulsory,
    ...(input.followUpSessionId ? { followUpSessionId: input.followUpSessionId } : {}),
    ...(input.intent && input.gapTask ? { gapTask: { intent: input.intent, task: input.gapTask } } : {}),
    ...(input.questionnaireTemplateId ? { questionnaireTemplateId: input.questionnaireTemplateId } : {}),
    status: options.publish ? 'published' : 'draft',
    ...(options.publish ? { publishedAt: now.toISOString() } : {}),
    revision: 0,
    createdBy: actor.staff.id,
  };
  const created = await deps.store.sessions.create(session);
  if (!created.ok) {
    // The same form sent twice: the first one stands.
    const existing = await deps.store.sessions.get(actor.tenant.id, session.id);
    return existing ? { ok: true, session: existing.value, created: false } : NOT_FOUND;
  }
  return { ok: true, session: created.value, created: true };
}

export async function publishSession(deps: AppDeps, actor: Actor, sessionId: string): Promise<SessionAdminResult> {
  if (!hasRole(actor.staff, 'cpd-lead')) return LEADS_ONLY;
  const now = deps.clock.now().toISOString();
  const result = await updateWithRetry(deps.store.sessions, actor.tenant.id, sessionId, (s) =>
    s.status === 'draft' ? { ...s, status: 'published' as const, publishedAt: now } : undefined,
  );
  return result.ok ? { ok: true, session: result.value } : result.reason === 'absent' ? NOT_FOUND : { ok: false, message: 'Please try again.' };
}

/**
 * Changes time, place or details. A change of time or place bumps the revision, which makes the
 * planner tell everyone who said yes, once per revision.
 */
export async function editSession(deps: AppDeps, actor: Actor, sessionId: string, raw: Record<string, unknown>): Promise<SessionAdminResult> {
  if (!hasRole(actor.staff, 'cpd-lead')) return LEADS_ONLY;
  const checked = checkSessionForm(raw, actor.tenant.settings.timezone, deps.clock.now(), actor.tenant.schools);
  if (!checked.ok) return { ok: false, message: 'Please check the fields marked.', errors: checked.errors };
  const { input, times } = checked;
  const resolved = await resolveNamedStaff(deps, actor.tenant.id, checked.audience);
  if (!resolved.ok) return { ok: false, message: 'Please check the fields marked.', errors: { audienceValue: resolved.error } };
  const audience = resolved.audience;
  const templateProblem = await unknownTemplate(deps, actor.tenant.id, input.questionnaireTemplateId);
  if (templateProblem) return templateProblem;
  const result = await updateWithRetry(deps.store.sessions, actor.tenant.id, sessionId, (s) => {
    if (s.status === 'cancelled') return undefined;
    const location = { ...(input.place ? { place: input.place } : {}), ...(input.meetingUrl ? { meetingUrl: input.meetingUrl } : {}) };
    const moved = s.startsAt !== times.startsAt || s.endsAt !== times.endsAt || JSON.stringify(s.location) !== JSON.stringify(location);
    const { capacity: _c, description: _d, gapTask: _g, ...rest } = s;
    return {
      ...rest,
      title: input.title,
      ...(input.description ? { description: input.description } : {}),
      category: input.category,
      kind: input.kind,
      startsAt: times.startsAt,
      endsAt: times.endsAt,
      location,
      ...(input.capacity !== undefined ? { capacity: input.capacity } : {}),
      audience,
      compulsory: input.compulsory,
      ...(input.intent && input.gapTask ? { gapTask: { intent: input.intent, task: input.gapTask } } : {}),
      // A form without the field (an older card) leaves the choice as it was.
      ...(input.questionnaireTemplateId ? { questionnaireTemplateId: input.questionnaireTemplateId } : {}),
      revision: moved && s.status === 'published' ? s.revision + 1 : s.revision,
    };
  });
  if (!result.ok) return result.reason === 'absent' ? NOT_FOUND : { ok: false, message: 'Someone else changed it at the same moment. Please try again.' };
  if (result.value.status === 'cancelled') return { ok: false, message: 'That session has been cancelled and cannot be changed.' };
  return { ok: true, session: result.value };
}

/** Cancelling tells everyone who said yes (the planner) and stops every planned message about it. */
export async function cancelSession(deps: AppDeps, actor: Actor, sessionId: string): Promise<SessionAdminResult> {
  if (!hasRole(actor.staff, 'cpd-lead')) return LEADS_ONLY;
  const now = deps.clock.now().toISOString();
  const result = await updateWithRetry(deps.store.sessions, actor.tenant.id, sessionId, (s) =>
    s.status === 'cancelled' ? undefined : { ...s, status: 'cancelled' as const, cancelledAt: now },
  );
  return result.ok ? { ok: true, session: result.value } : NOT_FOUND;
}

export interface AttendanceMark {
  staffId: string;
  present: boolean;
}

export type AttendanceResult = { ok: true; present: number; absent: number; changed: number } | { ok: false; message: string };

/**
 * The register: a facilitator of the session or a lead marks who was there. Only people on the
 * session's register (`loadRegister`) can be marked: one id outside it refuses the whole register
 * before anything is written. Each mark is written under its ETag, so an RSVP change racing it is
 * kept; a mark already recorded is not written again, so saving the same register twice changes nothing.
 */
export async function markAttendance(
  deps: AppDeps,
  actor: Actor,
  input: { sessionId: string; marks: readonly AttendanceMark[] },
): Promise<AttendanceResult> {
  const session = (await deps.store.sessions.get(actor.tenant.id, input.sessionId))?.value;
  if (!session || session.status === 'draft') return { ok: false, message: "I can't find that session." };
  if (!mayRunSession(actor, session)) return { ok: false, message: "Only the session's facilitator or a CPD lead can take the register." };
  if (session.status === 'cancelled') return { ok: false, message: 'That session was cancelled: there is no register to take.' };
  if (!registerIsOpen(session, deps.clock.now())) return { ok: false, message: 'The register opens an hour before the session starts.' };
  const register = await loadRegister(deps, session);
  const onRegister = new Set([...register.expected, ...register.waitlist].map((r) => r.staffId));
  if (input.marks.some((m) => !onRegister.has(m.staffId))) {
    return { ok: false, message: 'That register lists someone who is not expected at this session (it may be out of date). Nothing was saved: please open the register again.' };
  }
  const marks = new Map(input.marks.map((m) => [m.staffId, m.present]));
  if (marks.size === 0) return { ok: false, message: 'Nothing to save: nobody was on that register.' };
  const now = deps.clock.now().toISOString();
  let changed = 0;
  for (const [staffId, present] of marks) {
    const id = participationId(session.id, staffId);
    const written = await upsertWithRetry(deps.store.participations, actor.tenant.id, id, (current) =>
      current?.attended === present
        ? undefined
        : { tenantId: actor.tenant.id, id, sessionId: session.id, staffId, ...(current ?? {}), attended: present, attendanceMarkedAt: now, attendanceMarkedBy: actor.staff.id },
    );
    // Already-written marks stand (each is a complete fact); saving again finishes the rest.
    if (!written.ok) return { ok: false, message: 'Someone else changed this register at the same moment. Please save it again.' };
    if (written.changed) changed++;
  }
  const present = [...marks.values()].filter(Boolean).length;
  return { ok: true, present, absent: marks.size - present, changed };
}
