import { hasRole, requirementFor, sessionIdFor, type Audience, type FieldErrors, type Session } from '../../domain';
import { updateWithRetry } from '../../store/update';
import type { Actor } from '../people';
import type { AppDeps } from '../deps';
import { resolveNamedStaff } from './session-audience';
import { checkSessionForm } from './session-form';
import { tenantTemplates } from '../questionnaires';

export type SessionAdminResult = { ok: true; session: Session; created?: boolean } | { ok: false; message: string; errors?: FieldErrors };

const LEADS_ONLY: SessionAdminResult = { ok: false, message: 'Only CPD leads can create, change or cancel sessions.' };
const NOT_FOUND: SessionAdminResult = { ok: false, message: "I can't find that session." };

type StoreChecks = { ok: true; audience: Audience; facilitatorIds: string[]; errors: FieldErrors } | { ok: false; audience?: Audience; errors: FieldErrors };

/** A session has at most this many facilitators (the stored schema's limit). */
const MAX_FACILITATORS = 20;

/** The facilitators field as typed, checked with the rest even when another field is wrong (every error at once). */
function typedFacilitators(raw: Record<string, unknown>): string | undefined {
  return typeof raw.facilitators === 'string' ? raw.facilitators.slice(0, 2000) : undefined;
}

/** The facilitators typed (e-mails, commas): the active staff they name, or what is wrong beside the field. */
async function resolveFacilitators(deps: AppDeps, tenantId: string, typed: string | undefined): Promise<{ ok: true; ids: string[] } | { ok: false; error: string }> {
  const emails = (typed ?? '').split(/[,;\s]+/).map((e) => e.trim()).filter(Boolean);
  if (emails.length === 0) return { ok: true, ids: [] };
  if (emails.length > MAX_FACILITATORS) return { ok: false, error: `Name at most ${MAX_FACILITATORS} facilitators.` };
  if (emails.some((e) => !e.includes('@'))) return { ok: false, error: 'Give each facilitator\'s e-mail as in the staff list, separated by commas.' };
  const resolved = await resolveNamedStaff(deps, tenantId, { kind: 'staff', staffIds: emails });
  return resolved.ok && resolved.audience.kind === 'staff' ? { ok: true, ids: resolved.audience.staffIds } : { ok: false, error: resolved.ok ? 'Check the facilitators.' : resolved.error };
}

/**
 * What only the store can say about a form (people named, the follow-up session, the
 * questionnaire chosen: one of the tenant's reaction templates), checked alongside the fields.
 */
async function storeChecks(
  deps: AppDeps,
  actor: Actor,
  form: { audience?: Audience; followUpSessionId?: string | undefined; questionnaireTemplateId?: string | undefined; statutoryTopic?: string | undefined; facilitators?: string | undefined },
): Promise<StoreChecks> {
  const errors: FieldErrors = {};
  if (form.statutoryTopic && !requirementFor(actor.tenant.settings.statutoryTopics, form.statutoryTopic)) errors.statutoryTopic = 'Choose one of the statutory topics offered (settings statutory names them).';
  const resolved = form.audience ? await resolveNamedStaff(deps, actor.tenant.id, form.audience) : undefined;
  if (resolved && !resolved.ok) errors.audienceValue = resolved.error;
  const facilitators = await resolveFacilitators(deps, actor.tenant.id, form.facilitators);
  if (!facilitators.ok) errors.facilitators = facilitators.error;
  if (form.followUpSessionId && !(await deps.store.sessions.get(actor.tenant.id, form.followUpSessionId))) errors.followUpSessionId = 'No such session.';
  if (form.questionnaireTemplateId) {
    const known = (await tenantTemplates(deps, actor.tenant.id)).some((t) => t.id === form.questionnaireTemplateId && t.purpose === 'reaction');
    if (!known) errors.questionnaireTemplateId = 'Choose one of the questionnaires offered.';
  }
  if (resolved?.ok && facilitators.ok && Object.keys(errors).length === 0) return { ok: true, audience: resolved.audience, facilitatorIds: facilitators.ids, errors };
  return { ok: false, errors };
}

/** The statutory topic as the settings spell it (checked by storeChecks), or nothing. */
function statutoryTopicOf(actor: Actor, typed: string | undefined): { statutoryTopic?: string } {
  const requirement = typed ? requirementFor(actor.tenant.settings.statutoryTopics, typed) : undefined;
  return requirement ? { statutoryTopic: requirement.topic } : {};
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
  const stored = await storeChecks(
    deps,
    actor,
    { ...(checked.ok ? { audience: checked.audience, followUpSessionId: checked.input.followUpSessionId, questionnaireTemplateId: checked.input.questionnaireTemplateId, statutoryTopic: checked.input.statutoryTopic } : checked), facilitators: typedFacilitators(raw) },
  );
  if (!checked.ok || !stored.ok) return { ok: false, message: 'Please check the fields marked.', errors: { ...stored.errors, ...(checked.ok ? {} : checked.errors) } };
  const { input, times } = checked;
  const audience = stored.audience;
  const session: Session = {
    tenantId: actor.tenant.id,
    id: sessionIdFor(input.title, times.startsAt),
    title: input.title,
    ...(input.description ? { description: input.description } : {}),
    category: input.category,
    kind: input.kind,
    facilitatorIds: stored.facilitatorIds,
    startsAt: times.startsAt,
    endsAt: times.endsAt,
    location: { ...(input.place ? { place: input.place } : {}), ...(input.meetingUrl ? { meetingUrl: input.meetingUrl } : {}) },
    ...(input.capacity !== undefined ? { capacity: input.capacity } : {}),
    ...(input.provider ? { provider: input.provider } : {}),
    ...(input.cost !== undefined ? { costPence: input.cost } : {}),
    audience,
    compulsory: input.compulsory,
    ...(input.followUpSessionId ? { followUpSessionId: input.followUpSessionId } : {}),
    ...(input.intent && input.gapTask ? { gapTask: { intent: input.intent, task: input.gapTask } } : {}),
    ...(input.questionnaireTemplateId ? { questionnaireTemplateId: input.questionnaireTemplateId } : {}),
    ...(input.impactWeeks ? { impactFollowUp: { weeksAfter: input.impactWeeks === 'default' ? actor.tenant.settings.impactFollowUpWeeks : input.impactWeeks } } : {}),
    ...statutoryTopicOf(actor, input.statutoryTopic),
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
  const stored = await storeChecks(
    deps,
    actor,
    { ...(checked.ok ? { audience: checked.audience, questionnaireTemplateId: checked.input.questionnaireTemplateId, statutoryTopic: checked.input.statutoryTopic } : { ...(checked.audience ? { audience: checked.audience } : {}) }), facilitators: typedFacilitators(raw) },
  );
  if (!checked.ok || !stored.ok) return { ok: false, message: 'Please check the fields marked.', errors: { ...stored.errors, ...(checked.ok ? {} : checked.errors) } };
  const { input, times } = checked;
  const audience = stored.audience;
  const result = await updateWithRetry(deps.store.sessions, actor.tenant.id, sessionId, (s) => {
    if (s.status === 'cancelled') return undefined;
    const location = { ...(input.place ? { place: input.place } : {}), ...(input.meetingUrl ? { meetingUrl: input.meetingUrl } : {}) };
    const moved = s.startsAt !== times.startsAt || s.endsAt !== times.endsAt || JSON.stringify(s.location) !== JSON.stringify(location);
    const { capacity: _c, description: _d, gapTask: _g, impactFollowUp: _i, statutoryTopic: _t, provider: _p, costPence: _cost, ...rest } = s;
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
      ...(input.provider ? { provider: input.provider } : {}),
      ...(input.cost !== undefined ? { costPence: input.cost } : {}),
      audience,
      compulsory: input.compulsory,
      // A form without the facilitators field (an older card) leaves them as they were.
      ...('facilitators' in raw ? { facilitatorIds: stored.facilitatorIds } : {}),
      ...(input.intent && input.gapTask ? { gapTask: { intent: input.intent, task: input.gapTask } } : {}),
      // A form without the field (an older card) leaves the choice as it was.
      ...(input.questionnaireTemplateId ? { questionnaireTemplateId: input.questionnaireTemplateId } : {}),
      ...(input.impactWeeks ? { impactFollowUp: { weeksAfter: input.impactWeeks === 'default' ? actor.tenant.settings.impactFollowUpWeeks : input.impactWeeks } } : {}),
      ...statutoryTopicOf(actor, input.statutoryTopic),
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
