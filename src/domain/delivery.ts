import { z } from 'zod';
import { deterministicId, Id, Instant } from './ids';
import { SendExemption } from './send-exemption';

export const DeliveryKind = z.enum([
  'invitation',
  'reminder-day-before',
  'reminder-hour-before',
  'session-changed',
  'session-cancelled',
  'waitlist-promoted',
  'questionnaire',
  'questionnaire-reminder',
  'questionnaire-closed',
  'gap-plan-request',
  'gap-report-nudge',
  'manager-digest',
  'lead-digest',
  'survey',
  'statutory-renewal',
  'impact-follow-up',
  'impact-manager-view',
]);
export type DeliveryKind = z.infer<typeof DeliveryKind>;

export const Platform = z.enum(['teams', 'slack']);
export type Platform = z.infer<typeof Platform>;

export const DeliveryStatus = z.enum(['pending', 'sent', 'failed', 'cancelled', 'skipped']);
export type DeliveryStatus = z.infer<typeof DeliveryStatus>;

/**
 * An outbox record: one message to one person. Its id is derived from what it is about and
 * for whom, so planning the same message twice finds the record already there.
 */
export const Delivery = z.object({
  tenantId: Id,
  id: Id,
  kind: DeliveryKind,
  recipientId: Id,
  /** Chosen when sending (the person's linked platform), recorded once sent. */
  platform: Platform.optional(),
  /** Never in quiet hours, at a weekend or in a holiday, unless `sendExemption` allows it. */
  dueAt: Instant,
  /** Set by rules about a session (it may go on the session's day and in the hour before it); absent: no exemption. */
  sendExemption: SendExemption.optional(),
  status: DeliveryStatus,
  /** What the message is about; the sender builds the card from these at send time. */
  subject: z.object({
    sessionId: Id.optional(),
    questionnaireId: Id.optional(),
    gapTaskId: Id.optional(),
    digestWeek: z.string().optional(),
    statutoryTrainingId: Id.optional(),
    impactFollowUpId: Id.optional(),
  }),
  attempts: z.number().int().min(0).default(0),
  /** Lease: who is sending it and until when (ETag-guarded claim). */
  leaseOwner: z.string().optional(),
  leaseUntil: Instant.optional(),
  nextAttemptAt: Instant.optional(),
  lastError: z.string().max(1000).optional(),
  platformMessageId: z.string().optional(),
  platformConversationId: z.string().optional(),
  sentAt: Instant.optional(),
  createdAt: Instant,
});
export type Delivery = z.infer<typeof Delivery>;
export type DeliveryInput = z.input<typeof Delivery>;

/** `slot` separates messages of the same kind about the same thing, e.g. a nudge's day or a revision. */
export function deliveryId(kind: DeliveryKind, recipientId: string, subjectKey: string, slot = ''): string {
  return deterministicId('dlv', kind, recipientId, subjectKey, slot);
}
