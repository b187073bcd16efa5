import { z } from 'zod';
import {
  askAboutRequest,
  bookRequest,
  cancelRequest,
  decideRequest,
  parsePounds,
  withdrawRequest,
  type CpdRequest,
  type Staff,
  type Transition,
} from '../../domain';
import type { CardView } from '../../cards/views';
import type { CpdRequestReplyView } from '../../cards/views/cpd-request-form';
import { updateWithRetry } from '../../store/update';
import type { Actor } from '../people';
import type { AppDeps } from '../deps';
import type { OtherCopies } from '../card-copies';
import { notice } from '../notice';
import { leadsCpdFor } from '../tenants';
import { bookExternalSession, cancelExternalSession, externalSessionId } from './request-booking';
import { announceRequestState, enqueueRequestMessage } from './request-messages';
import { requestCopies } from './request-copies';
import { bookerOf, namesOf, viewerOf } from './request-people';
import { buildCpdRequestView, DECISION_NOTES, NOT_FOUND } from './request-view';

/** `copies`: the other sent cards of the request, for a platform that updates each itself (card-copies.ts). */
export type RequestActionResult = { ok: boolean; view: CardView; copies?: OtherCopies };

/** What an action has read already, so the request and its booker are read once per press. */
type Loaded = { request?: CpdRequest; booker: Staff | undefined };

/** The reply forms' inputs (Teams card data or Slack modal state): any field that is not text counts as empty. */
const text = (max: number) => z.string().max(10_000).transform((v) => v.trim().slice(0, max)).catch('');
const ReplyInputs = z.object({ reason: text(1000), question: text(1000), actualCost: text(50), reference: text(200) });
const replyInputs = (raw: Record<string, unknown>) => ReplyInputs.parse({ reason: raw.reason ?? '', question: raw.question ?? '', actualCost: raw.actualCost ?? '', reference: raw.reference ?? '' });

async function load(deps: AppDeps, actor: Actor, requestId: string): Promise<CpdRequest | undefined> {
  return (await deps.store.cpdRequests.get(actor.tenant.id, requestId))?.value;
}

/**
 * The card for whoever pressed: the current state with a note of what happened; a refusal is a
 * notice only, so a press from the wrong person (Slack answers it with chat.update where it was
 * pressed) can never replace someone else's card.
 */
async function answer(deps: AppDeps, actor: Actor, request: CpdRequest, ok: boolean, tone: 'good' | 'attention' | 'info', text: string, booker: Staff | undefined): Promise<RequestActionResult> {
  if (!ok) return { ok, view: notice('attention', text) };
  return { ok, view: await buildCpdRequestView(deps, actor.tenant, request, actor.staff, { tone, text }, { booker }) };
}

/**
 * Applies one rule to the stored request under its ETag. A racing writer makes the rule run
 * again on what they wrote, so two presses at once give one decision and the other is refused
 * by the rules (the step is no longer waiting), never overwritten.
 */
async function change(deps: AppDeps, actor: Actor, requestId: string, rule: (current: CpdRequest) => Transition, loaded?: Loaded): Promise<RequestActionResult & { request?: CpdRequest }> {
  const before = loaded?.request ?? (await load(deps, actor, requestId));
  const booker = loaded ? loaded.booker : await bookerOf(deps, actor.tenant);
  // Someone with no part in the request learns nothing about it, not even that it exists.
  if (!before || !viewerOf(before, actor.staff, booker?.id, actor.tenant)) return { ok: false, view: NOT_FOUND };
  let refusal: string | undefined;
  const updated = await updateWithRetry(deps.store.cpdRequests, actor.tenant.id, requestId, (current) => {
    const result = rule(current);
    if (!result.ok) {
      refusal = result.message;
      return undefined;
    }
    refusal = undefined;
    return result.request;
  });
  if (!updated.ok) return { ok: false, view: notice('attention', 'Someone else was changing this request at the same moment. Please try again.') };
  if (refusal !== undefined || !updated.changed) return { ...(await answer(deps, actor, updated.value, false, 'attention', refusal ?? 'Nothing changed.', booker)), request: updated.value };
  await announceRequestState(deps, updated.value, booker?.id);
  const view = (await answer(deps, actor, updated.value, true, 'good', 'Saved.', booker)).view;
  return { ok: true, view, request: updated.value, copies: requestCopies(deps, actor.tenant, updated.value, booker) };
}

export async function approveRequest(deps: AppDeps, actor: Actor, requestId: string): Promise<RequestActionResult> {
  const at = deps.clock.now().toISOString();
  const result = await change(deps, actor, requestId, (r) => decideRequest(r, { by: actor.staff.id, outcome: 'approved', at }));
  return withNote(result, DECISION_NOTES.approved.text);
}

export async function declineRequest(deps: AppDeps, actor: Actor, requestId: string, inputs: Record<string, unknown>): Promise<RequestActionResult> {
  const { reason } = replyInputs(inputs);
  const request = await load(deps, actor, requestId);
  if (!reason && request) {
    // A decline needs its reason: the reply form comes back with the error beside the field.
    return { ok: false, view: await replyView(deps, actor, request, 'decline', { errors: { reason: 'Please give a reason for declining.' }, notice: { tone: 'attention', text: 'Please give a reason.' } }) };
  }
  const at = deps.clock.now().toISOString();
  const loaded = request ? { request, booker: await bookerOf(deps, actor.tenant) } : undefined;
  const result = await change(deps, actor, requestId, (r) => decideRequest(r, { by: actor.staff.id, outcome: 'declined', reason, at }), loaded);
  return withNote(result, DECISION_NOTES.declined.text, DECISION_NOTES.declined.tone);
}

export async function askRequester(deps: AppDeps, actor: Actor, requestId: string, inputs: Record<string, unknown>): Promise<RequestActionResult> {
  const { question } = replyInputs(inputs);
  const request = await load(deps, actor, requestId);
  if (!question && request) return { ok: false, view: await replyView(deps, actor, request, 'ask', { errors: { question: 'Please write your question.' } }) };
  const at = deps.clock.now().toISOString();
  const before = request?.questions.length ?? 0;
  const loaded = request ? { request, booker: await bookerOf(deps, actor.tenant) } : undefined;
  const result = await changeQuietly(deps, actor, requestId, (r) => askAboutRequest(r, actor.staff.id, question, at), loaded);
  if (result.ok && result.request) await enqueueRequestMessage(deps, result.request, 'request-update', result.request.requesterId, `question-${before}`);
  return withNote(result, 'Your question has been sent to the requester.');
}

export async function withdrawOwnRequest(deps: AppDeps, actor: Actor, requestId: string): Promise<RequestActionResult> {
  const at = deps.clock.now().toISOString();
  return withNote(await change(deps, actor, requestId, (r) => withdrawRequest(r, actor.staff.id, at)), 'Withdrawn.');
}

export async function markBooked(deps: AppDeps, actor: Actor, requestId: string, inputs: Record<string, unknown>): Promise<RequestActionResult> {
  const request = await load(deps, actor, requestId);
  const booker = await bookerOf(deps, actor.tenant);
  if (!request || !viewerOf(request, actor.staff, booker?.id, actor.tenant)) return { ok: false, view: NOT_FOUND };
  const { actualCost, reference } = replyInputs(inputs);
  const cost = actualCost ? parsePounds(actualCost) : undefined;
  const errors = {
    ...(cost === undefined ? { actualCost: 'Give the amount in pounds, e.g. 250 or 249.99.' } : {}),
    ...(reference ? {} : { reference: 'Please give the booking reference.' }),
  };
  if (Object.keys(errors).length > 0) {
    const values = { actualCost, reference };
    return { ok: false, view: await replyView(deps, actor, request, 'book', { errors, values }) };
  }
  if (actor.staff.id !== booker?.id) return answer(deps, actor, request, false, 'attention', 'Only the person who books courses can mark this booked.', booker);
  // The request is marked booked first, naming its session by a deterministic id; the session is
  // then created if absent, so a failure between the two is mended by pressing again, and a lost
  // race never leaves a session for a course nobody booked.
  const at = deps.clock.now().toISOString();
  const sessionId = externalSessionId(request.id);
  const result = await change(deps, actor, requestId, (r) => bookRequest(r, { by: actor.staff.id, at, actualCostPence: cost!, reference, sessionId }, booker.id), { request, booker });
  const stored = result.request ?? (await load(deps, actor, requestId));
  if (stored?.status === 'booked' && stored.booking?.sessionId === sessionId) await bookExternalSession(deps, actor.tenant, stored);
  return withNote(result, 'Marked booked. It is now in their sessions, with reminders.');
}

/** The booker or the CPD lead cancels an approved or booked course: its cost no longer counts, and its session is cancelled. */
export async function cancelCourse(deps: AppDeps, actor: Actor, requestId: string): Promise<RequestActionResult> {
  const booker = await bookerOf(deps, actor.tenant);
  const request = await load(deps, actor, requestId);
  const may = actor.staff.id === booker?.id || (request !== undefined && leadsCpdFor(actor.tenant, actor.staff, request.schoolId));
  const at = deps.clock.now().toISOString();
  const result = await change(deps, actor, requestId, (r) => cancelRequest(r, actor.staff.id, may, at), { booker });
  // Also on a repeated press: a cancelled course's session is cancelled, whatever happened between.
  const stored = result.request ?? (await load(deps, actor, requestId));
  if (stored?.status === 'cancelled' && stored.booking) await cancelExternalSession(deps, actor.tenant, stored.booking.sessionId, at);
  return withNote(result, 'Cancelled. Its cost no longer counts against the budget.');
}

/** A change that sends its own message (a question), not the state announcements. */
async function changeQuietly(deps: AppDeps, actor: Actor, requestId: string, rule: (current: CpdRequest) => Transition, loaded?: Loaded) {
  const before = loaded?.request ?? (await load(deps, actor, requestId));
  const booker = loaded ? loaded.booker : await bookerOf(deps, actor.tenant);
  if (!before || !viewerOf(before, actor.staff, booker?.id, actor.tenant)) return { ok: false, view: NOT_FOUND as CardView, request: undefined };
  const result = rule(before);
  if (!result.ok) return { ...(await answer(deps, actor, before, false, 'attention', result.message, booker)), request: undefined };
  const written = await updateWithRetry(deps.store.cpdRequests, actor.tenant.id, requestId, (current) => {
    const again = rule(current);
    return again.ok ? again.request : undefined;
  });
  if (!written.ok || !written.changed) return { ok: false, view: notice('attention', 'Someone else was changing this request at the same moment. Please try again.') as CardView, request: undefined };
  return { ...(await answer(deps, actor, written.value, true, 'good', 'Saved.', booker)), request: written.value, copies: requestCopies(deps, actor.tenant, written.value, booker) };
}

function withNote<T extends RequestActionResult>(result: T, text: string, tone: 'good' | 'info' = 'good'): T {
  if (!result.ok || result.view.kind !== 'cpd-request') return result;
  return { ...result, view: { ...result.view, notice: { tone, text } } };
}

export async function replyView(
  deps: AppDeps,
  actor: Actor,
  request: CpdRequest,
  mode: CpdRequestReplyView['mode'],
  extra: Partial<Pick<CpdRequestReplyView, 'values' | 'errors' | 'notice'>> = {},
): Promise<CpdRequestReplyView> {
  const names = await namesOf(deps, actor.tenant.id, [request.requesterId]);
  return { kind: 'cpd-request-reply', requestId: request.id, mode, courseTitle: request.details.courseTitle, requesterName: names.get(request.requesterId) ?? 'someone', ...extra };
}

/** Decline / Ask / Mark booked pressed: the small form, only for someone who may do it now. */
export async function openReply(deps: AppDeps, actor: Actor, requestId: string, mode: CpdRequestReplyView['mode']): Promise<RequestActionResult> {
  const request = await load(deps, actor, requestId);
  const booker = await bookerOf(deps, actor.tenant);
  if (!request || !viewerOf(request, actor.staff, booker?.id, actor.tenant)) return { ok: false, view: NOT_FOUND };
  const view = await buildCpdRequestView(deps, actor.tenant, request, actor.staff, undefined, { booker });
  const allowed = view.kind === 'cpd-request' && (mode === 'book' ? view.canBook : view.canDecide);
  if (!allowed) return answer(deps, actor, request, false, 'attention', mode === 'book' ? 'This request is not waiting to be booked by you.' : 'This request is not waiting for you, so nothing was changed.', booker);
  return { ok: true, view: await replyView(deps, actor, request, mode) };
}

export async function openRequest(deps: AppDeps, actor: Actor, requestId: string): Promise<RequestActionResult> {
  const request = await load(deps, actor, requestId);
  if (!request) return { ok: false, view: NOT_FOUND };
  const booker = await bookerOf(deps, actor.tenant);
  const view = await buildCpdRequestView(deps, actor.tenant, request, actor.staff, undefined, { booker });
  // Shown again on demand: a platform that updates copies itself brings the others up to date too.
  return { ok: view.kind === 'cpd-request', view, copies: requestCopies(deps, actor.tenant, request, booker) };
}
