import { z } from 'zod';
import { deterministicId, Id, Instant, LocalDate } from './ids';

export const AnswerValue = z.union([z.number().int(), z.string(), z.boolean(), z.array(z.string())]);
export type AnswerValue = z.infer<typeof AnswerValue>;
export const Answers = z.record(z.string(), AnswerValue);
export type Answers = z.infer<typeof Answers>;

/**
 * A named response. Anonymous questionnaires use AnonymousResponse instead, which holds
 * no person id, no deterministic id and only the day it was given.
 */
export const QuestionnaireResponse = z.object({
  tenantId: Id,
  id: Id,
  questionnaireId: Id,
  sessionId: Id.optional(),
  respondentId: Id,
  answers: Answers,
  submittedAt: Instant,
});
export type QuestionnaireResponse = z.infer<typeof QuestionnaireResponse>;

export const AnonymousResponse = z
  .object({
    tenantId: Id,
    id: Id,
    questionnaireId: Id,
    sessionId: Id.optional(),
    answers: Answers,
    submittedOn: LocalDate,
  })
  .strict();
export type AnonymousResponse = z.infer<typeof AnonymousResponse>;

/**
 * That a person has answered (to stop reminders and refuse a second answer), with
 * nothing of what they answered and no time, so it cannot be joined to an anonymous answer.
 */
export const ResponseReceipt = z
  .object({ tenantId: Id, id: Id, questionnaireId: Id, staffId: Id })
  .strict();
export type ResponseReceipt = z.infer<typeof ResponseReceipt>;

export function responseId(questionnaireId: string, staffId: string): string {
  return deterministicId('resp', questionnaireId, staffId);
}

export function receiptId(questionnaireId: string, staffId: string): string {
  return deterministicId('rcpt', questionnaireId, staffId);
}
