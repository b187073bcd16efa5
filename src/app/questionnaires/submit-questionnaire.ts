import { randomUUID } from 'node:crypto';
import { DateTime } from 'luxon';
import { checkAnswers, deliveryId, isInAudience, isOpen, participationId, planRequestId, receiptId, responseId, type Answers, type Questionnaire, type RawAnswers } from '../../domain';
import type { DocRef } from '../../store/store';
import type { NoticeView } from '../../cards/views/notice';
import type { QuestionnaireView } from '../../cards/views/questionnaire';
import type { ThankYouView } from '../../cards/views/thank-you';
import type { Actor } from '../people';
import type { AppDeps } from '../deps';
import { notice } from '../notice';
import { buildQuestionnaireView, hasAnswered, thankYouView } from './questionnaire-view';

export type SubmitResult = { ok: true; view: ThankYouView } | { ok: false; view: QuestionnaireView | NoticeView };

/** Reaction questionnaires go to attendees; surveys to their audience (or named recipients). */
export async function isRecipient(deps: AppDeps, q: Questionnaire, staffId: string): Promise<boolean> {
  if (q.recipientIds) return q.recipientIds.includes(staffId);
  if (q.audience) {
    const staff = (await deps.store.staff.get(q.tenantId, staffId))?.value;
    if (staff && isInAudience(q.audience, staff)) return true;
    // Sent the survey, then moved out of its audience (another department): still asked.
    return (await deps.store.deliveries.get(q.tenantId, deliveryId('survey', staffId, q.id)))?.value.status === 'sent';
  }
  if (!q.sessionId) return false;
  const p = (await deps.store.participations.get(q.tenantId, participationId(q.sessionId, staffId)))?.value;
  return p?.attended === true || (p?.attended === undefined && p?.rsvp === 'yes');
}

function keptValues(raw: RawAnswers): Record<string, string | string[]> {
  const values: Record<string, string | string[]> = {};
  for (const [key, value] of Object.entries(raw)) {
    // Keep what the person typed, but never echo back an oversized blob.
    if (typeof value === 'string') values[key] = value.slice(0, 5000);
    else if (Array.isArray(value)) values[key] = value.filter((v): v is string => typeof v === 'string').slice(0, 50);
    else if (typeof value === 'number' || typeof value === 'boolean') values[key] = String(value);
  }
  return values;
}

/**
 * Records one person's answers once. The answer is written first and the receipt second, so a
 * retried submission finds the receipt and changes nothing; if the receipt cannot be written the
 * answer is removed again, so nothing is left half-written.
 */
export async function submitQuestionnaire(
  deps: AppDeps,
  actor: Actor,
  input: { questionnaireId: string; raw: RawAnswers; sessionHint?: string },
): Promise<SubmitResult> {
  const { tenant, staff } = actor;
  await deps.store.readAhead?.(tenant.id, answerReads(input.questionnaireId, staff.id, input.sessionHint));
  const q = (await deps.store.questionnaires.get(tenant.id, input.questionnaireId))?.value;
  if (!q) return { ok: false, view: notice('attention', "I can't find that questionnaire. It may have been withdrawn.") };
  if (!(await isRecipient(deps, q, staff.id))) {
    return { ok: false, view: notice('attention', 'This questionnaire was not sent to you, so I cannot record an answer from you.') };
  }
  // A named answer's id is derived from the person, so writing it is the check (a repeat finds it
  // taken): the receipt is read first only for anonymous answers, and on the rare refusals below.
  if (q.anonymous && (await hasAnswered(deps, q, staff.id))) return { ok: true, view: thankYouView(q) };
  if (!isOpen(q, deps.clock.now())) {
    if (await hasAnswered(deps, q, staff.id)) return { ok: true, view: thankYouView(q) };
    return {
      ok: false,
      view: await buildQuestionnaireView(deps, tenant, q, staff.id, {
        notice: { tone: 'attention', text: 'Sorry, this questionnaire has closed, so your answers were not recorded.' },
      }),
    };
  }
  const checked = checkAnswers(q, input.raw);
  if (!checked.ok) {
    if (!q.anonymous && (await hasAnswered(deps, q, staff.id))) return { ok: true, view: thankYouView(q) };
    return {
      ok: false,
      view: await buildQuestionnaireView(deps, tenant, q, staff.id, {
        values: keptValues(input.raw),
        errors: checked.errors,
        notice: { tone: 'attention', text: 'Please check the answers marked below.' },
      }),
    };
  }

  const now = deps.clock.now();
  const ttlSeconds = tenant.settings.retentionDays * 86400;
  const written = q.anonymous
    ? { id: await writeAnonymous(deps, q, checked.answers, DateTime.fromJSDate(now, { zone: tenant.settings.timezone }).toISODate()!, ttlSeconds), created: true }
    : await writeNamed(deps, q, staff.id, checked.answers, now.toISOString(), ttlSeconds);
  try {
    // Idempotent: a named answer stored by an earlier press that died before its receipt gets it now.
    const receipt = await deps.store.receipts.create(
      { tenantId: tenant.id, id: receiptId(q.id, staff.id), questionnaireId: q.id, staffId: staff.id },
      { ttlSeconds },
    );
    // Another copy of this submission got there first: keep its answer, drop ours.
    if (!receipt.ok && q.anonymous) await deps.store.anonymousResponses.delete(tenant.id, written.id);
  } catch (error) {
    if (written.created) await answerRefCollection(deps, q).delete(tenant.id, written.id).catch(() => undefined);
    throw error;
  }
  // A repeat shows the thank-you for what was stored, not the answers it carried.
  return { ok: true, view: written.created ? thankYouView(q, checked.answers) : thankYouView(q) };
}

/**
 * What an answer reads, named before it reads any, so a store of round trips reads them in one
 * (issue 28): the questionnaire, whether the person took part (by the session the card names: a
 * hint, checked against the questionnaire's own), their receipt and answer, and the planner's request
 * the receipt writes (the change log, decision 33).
 */
function answerReads(questionnaireId: string, staffId: string, sessionHint: string | undefined): DocRef[] {
  return [
    { collection: 'questionnaires', id: questionnaireId },
    ...(sessionHint ? [{ collection: 'participations' as const, id: participationId(sessionHint, staffId) }] : []),
    { collection: 'receipts', id: receiptId(questionnaireId, staffId) },
    { collection: 'responses', id: responseId(questionnaireId, staffId) },
    { collection: 'planRequests', id: planRequestId({ kind: 'questionnaire', questionnaireId }) },
  ];
}

function answerRefCollection(deps: AppDeps, q: Questionnaire) {
  return q.anonymous ? deps.store.anonymousResponses : deps.store.responses;
}

async function writeNamed(
  deps: AppDeps,
  q: Questionnaire,
  staffId: string,
  answers: Answers,
  submittedAt: string,
  ttlSeconds: number,
): Promise<{ id: string; created: boolean }> {
  const id = responseId(q.id, staffId);
  const result = await deps.store.responses.create(
    {
      tenantId: q.tenantId,
      id,
      questionnaireId: q.id,
      ...(q.sessionId ? { sessionId: q.sessionId } : {}),
      respondentId: staffId,
      answers,
      submittedAt,
    },
    { ttlSeconds },
  );
  return { id, created: result.ok };
}

/** No person, no derived id, only the day: nothing the store holds can join it back to the receipt. */
async function writeAnonymous(
  deps: AppDeps,
  q: Questionnaire,
  answers: Answers,
  submittedOn: string,
  ttlSeconds: number,
): Promise<string> {
  const id = `anon-${randomUUID()}`;
  await deps.store.anonymousResponses.create(
    { tenantId: q.tenantId, id, questionnaireId: q.id, ...(q.sessionId ? { sessionId: q.sessionId } : {}), answers, submittedOn },
    { ttlSeconds },
  );
  return id;
}
