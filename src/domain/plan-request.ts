import { z } from 'zod';
import { Id, Instant } from './ids';

/**
 * What the planner plans at once: one session (its messages, questionnaire, gap tasks and impact
 * follow-up), one questionnaire (resolved to its session, or to the tenant for a survey), or the
 * whole tenant (the rules that span it: digests, surveys, requests, statutory training; and every
 * session again, as the safety net).
 */
export const PlanSubject = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('session'), sessionId: Id }),
  z.object({ kind: z.literal('questionnaire'), questionnaireId: Id }),
  z.object({ kind: z.literal('tenant') }),
]);
export type PlanSubject = z.infer<typeof PlanSubject>;

/**
 * "Plan this subject at or after availableAt": written with every change to the subject (due at
 * once) and by the planner for the subject's next time-based rule (docs/delivery.md). One
 * document per subject, so a thousand RSVPs in a minute are one request; claimed under a lease
 * like an outbox record.
 */
export const PlanRequest = z
  .object({
    tenantId: Id,
    id: Id,
    subject: PlanSubject,
    availableAt: Instant,
    /** The instance planning it now; availableAt is then the lease's end. */
    leaseOwner: z.string().min(1).max(200).optional(),
  })
  .strict();
export type PlanRequest = z.infer<typeof PlanRequest>;

/** availableAt of a change: before any clock's now, so it is due at once without reading a clock. */
export const PLAN_NOW = '1970-01-01T00:00:00.000Z';

export function planRequestId(subject: PlanSubject): string {
  switch (subject.kind) {
    case 'session':
      return `session:${subject.sessionId}`;
    case 'questionnaire':
      return `questionnaire:${subject.questionnaireId}`;
    case 'tenant':
      return 'tenant';
  }
}

export function planRequest(tenantId: string, subject: PlanSubject, availableAt = PLAN_NOW): PlanRequest {
  return { tenantId, id: planRequestId(subject), subject, availableAt };
}
