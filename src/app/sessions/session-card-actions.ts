import type { CardView } from '../../cards/views';
import type { SessionCancelView } from '../../cards/views/session-cancel';
import { formatSessionTime } from '../../cards/format';
import { toSessionSummary } from '../../cards/wording/session-summary';
import { hasRole, type Session } from '../../domain';
import type { Actor } from '../people';
import type { AppDeps } from '../deps';
import { notice } from '../notice';
import { cancelSession, createSession, editSession, type SessionAdminResult } from './session-admin';
import { buildSessionFormView } from './session-form-view';
import { findSessionByTitle } from './find-session';

type ActionResult = { ok: boolean; view: CardView };

const LEADS_ONLY: ActionResult = { ok: false, view: notice('attention', 'Only CPD leads can create, change or cancel sessions.') };
const NOT_FOUND: ActionResult = { ok: false, view: notice('attention', "I can't find that session. It may have been cancelled.") };

/** A refused form comes back with its errors and the input kept; any other refusal is a notice. */
async function refusedForm(deps: AppDeps, actor: Actor, result: Extract<SessionAdminResult, { ok: false }>, inputs: Record<string, unknown>, editing?: Session): Promise<ActionResult> {
  if (!result.errors) return { ok: false, view: notice('attention', result.message) };
  const refused = { raw: inputs, errors: result.errors, notice: { tone: 'attention' as const, text: result.message } };
  return { ok: false, view: await buildSessionFormView(deps, actor, { refused, ...(editing ? { editing } : {}) }) };
}

const whenOf = (session: Session, actor: Actor) => formatSessionTime(session.startsAt, session.endsAt, actor.tenant.settings.timezone);

/** The lead's new-session form: published at once unless the form says `publish: false`. */
export async function createSessionFromCard(deps: AppDeps, actor: Actor, inputs: Record<string, unknown>): Promise<ActionResult> {
  const publish = inputs.publish !== 'false' && inputs.publish !== false;
  const result = await createSession(deps, actor, inputs, { publish });
  if (!result.ok) return refusedForm(deps, actor, result, inputs);
  const { session } = result;
  const text = publish
    ? `"${session.title}" (${whenOf(session, actor)}) is published: invitations go out within a minute, outside quiet hours.`
    : `"${session.title}" (${whenOf(session, actor)}) is saved as a draft.`;
  return { ok: true, view: notice('good', result.created === false ? `${text} (It already existed.)` : text, 'Session created') };
}

/** The edit form submitted: a new time or place is announced to everyone booked on (the planner, once per revision). */
export async function updateSessionFromCard(deps: AppDeps, actor: Actor, sessionId: string, inputs: Record<string, unknown>): Promise<ActionResult> {
  if (!hasRole(actor.staff, 'cpd-lead')) return LEADS_ONLY;
  const before = (await deps.store.sessions.get(actor.tenant.id, sessionId))?.value;
  if (!before) return NOT_FOUND;
  const result = await editSession(deps, actor, sessionId, inputs);
  if (!result.ok) return refusedForm(deps, actor, result, inputs, before);
  const moved = result.session.revision > before.revision;
  const text = moved
    ? `"${result.session.title}" is now ${whenOf(result.session, actor)}. Everyone booked on will be told, outside quiet hours.`
    : `"${result.session.title}" is saved. The time and place are unchanged, so nobody is messaged.`;
  return { ok: true, view: notice('good', text, 'Session changed') };
}

async function cancelView(deps: AppDeps, actor: Actor, session: Session): Promise<SessionCancelView> {
  const booked = await deps.store.participations.count(actor.tenant.id, { sessionId: session.id, rsvp: 'yes' });
  return { kind: 'session-cancel', session: toSessionSummary(session, actor.tenant), bookedCount: booked, cancelled: session.status === 'cancelled' };
}

/** The confirm button pressed: cancelled, everyone booked on is told, and every planned message about it stops. */
export async function cancelSessionFromCard(deps: AppDeps, actor: Actor, sessionId: string): Promise<ActionResult> {
  if (!hasRole(actor.staff, 'cpd-lead')) return LEADS_ONLY;
  const result = await cancelSession(deps, actor, sessionId);
  if (!result.ok) {
    // Pressed twice: the first press cancelled it.
    const session = (await deps.store.sessions.get(actor.tenant.id, sessionId))?.value;
    return session?.status === 'cancelled' ? { ok: true, view: await cancelView(deps, actor, session) } : NOT_FOUND;
  }
  return { ok: true, view: await cancelView(deps, actor, result.session) };
}

/** The form, empty for a new session or filled in when the button names one. */
export async function openSessionForm(deps: AppDeps, actor: Actor, sessionId: string | undefined): Promise<ActionResult> {
  if (!hasRole(actor.staff, 'cpd-lead')) return LEADS_ONLY;
  if (!sessionId) return { ok: true, view: await buildSessionFormView(deps, actor) };
  const editing = (await deps.store.sessions.get(actor.tenant.id, sessionId))?.value;
  if (!editing || editing.status === 'cancelled') return NOT_FOUND;
  return { ok: true, view: await buildSessionFormView(deps, actor, { editing }) };
}

const sayWhich = (verb: string) => notice('info', `Say which session, e.g. "${verb} retrieval practice".`);
const notFoundToEdit = (words: string) =>
  notice('info', `I couldn't find a session called "${words.trim().slice(0, 100)}" (upcoming, or in the last month).`);

/** `edit <title>`: the session's form, filled in. */
export async function editSessionCommand(deps: AppDeps, actor: Actor, words: string): Promise<CardView> {
  if (!words.trim()) return sayWhich('edit');
  const found = await findSessionByTitle(deps, actor, words, { kind: 'upcoming-first' });
  if (!found.ok) return notFoundToEdit(words);
  return buildSessionFormView(deps, actor, { editing: found.session });
}

/** `cancel <title>`: the session and a button to confirm; nothing changes until it is pressed. */
export async function cancelSessionCommand(deps: AppDeps, actor: Actor, words: string): Promise<CardView> {
  if (!words.trim()) return sayWhich('cancel');
  const found = await findSessionByTitle(deps, actor, words, { kind: 'upcoming-first' });
  if (!found.ok) return notFoundToEdit(words);
  return cancelView(deps, actor, found.session);
}
