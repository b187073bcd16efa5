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
  /** Fortnightly, to induction tutors: their early-career teachers' meetings, reviews and who has no mentor (docs/mentoring.md). */
  'induction-digest',
  'survey',
  'request-approval',
  'request-update',
  'request-nudge',
  'request-overdue-lead',
  'request-to-book',
  /** To CPD leads: a request's chain needs an approver the settings do not name (a headteacher, the executive lead). */
  'approver-missing',
  'statutory-renewal',
  /** To a person: a required statutory topic with no training recorded is due (issue 26 item 2). */
  'statutory-due',
  /** To the CPD lead (trust or school): a person reported completed statutory training, to confirm or reject. */
  'statutory-report',
  /** To the person: their reported training was confirmed or rejected. */
  'statutory-report-decided',
  'impact-follow-up',
  'impact-manager-view',
  'course-attendance',
  /** Mentoring (docs/mentoring.md, "In chat"): a meeting's week has come (to the mentee and the mentor). */
  'mentoring-reminder',
  /** To the mentee: the mentor's record of a meeting, with room for their reflection. */
  'mentoring-record',
  /** To the mentee: an action agreed at a meeting is due (slot `due`), then still not done (`overdue`). */
  'mentoring-action-nudge',
  /** To the mentor who held a meeting: the mentee added their reflection to it (not quoted; a button opens the meeting). */
  'mentoring-reflection',
  /** To the mentor and the induction tutor: an early-career teacher's termly progress review is due. */
  'progress-review-prompt',
  /** To the induction tutor (the CPD lead when none is named): a review was marked at risk. */
  'progress-review-at-risk',
  /** To the CPD lead: a mentoring rule needs someone the links do not name (a mentor, an induction tutor). */
  'mentoring-gap',
  /** Before the autumn review window: the year-ahead review (seed 001, appendix 3). */
  'year-ahead-prompt',
  /** A gap-task plan its person chose to share with their line manager and their school's senior leaders. */
  'gap-plan-shared',
]);
export type DeliveryKind = z.infer<typeof DeliveryKind>;

export const Platform = z.enum(['teams', 'slack']);
export type Platform = z.infer<typeof Platform>;

/** `expired`: its moment passed before it could be sent (e.g. the bot was stopped), so it never was. */
export const DeliveryStatus = z.enum(['pending', 'sent', 'failed', 'cancelled', 'skipped', 'expired']);
export type DeliveryStatus = z.infer<typeof DeliveryStatus>;

/**
 * An outbox record: one message to one person. Its id is derived from what it is about and
 * for whom, so planning the same message twice finds the record already there.
 */
const DeliveryFields = z.object({
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
  /** After this it is pointless (a reminder after the start, a nudge after the due date): never sent, marked `expired`. */
  expiresAt: Instant.optional(),
  /** What the message is about; the sender builds the card from these at send time. */
  subject: z.object({
    sessionId: Id.optional(),
    questionnaireId: Id.optional(),
    gapTaskId: Id.optional(),
    requestId: Id.optional(),
    digestWeek: z.string().optional(),
    statutoryTrainingId: Id.optional(),
    /** A required statutory topic's name (statutory-due). */
    statutoryTopic: z.string().max(100).optional(),
    statutoryReportId: Id.optional(),
    impactFollowUpId: Id.optional(),
    mentoringMeetingId: Id.optional(),
    /** An action agreed at that meeting (`AgreedAction.id`). */
    mentoringActionId: Id.optional(),
    /** A progress review's person and term ("2026-27:1"); the review's id is made from them. */
    menteeId: Id.optional(),
    reviewTerm: z.string().regex(/^\d{4}-\d{2}:[1-3]$/).optional(),
    /** What a `mentoring-gap` message says is missing. */
    mentoringGap: z.enum(['mentor', 'induction-tutor']).optional(),
    /** The academic year a year-ahead review is asked for, e.g. 2027-28. */
    reviewYear: z.string().optional(),
  }),
  attempts: z.number().int().min(0).default(0),
  /** Lease: who is sending it and until when (ETag-guarded claim). */
  leaseOwner: z.string().optional(),
  leaseUntil: Instant.optional(),
  nextAttemptAt: Instant.optional(),
  /**
   * When the record may next be claimed: the latest of `dueAt`, `leaseUntil` and `nextAttemptAt`.
   * Derived on every write (below), indexed, and the one field the dispatcher's due query asks about.
   * Absent only on records written before it existed (the dispatcher still finds those by `dueAt`).
   */
  availableAt: Instant.optional(),
  lastError: z.string().max(1000).optional(),
  platformMessageId: z.string().optional(),
  platformConversationId: z.string().optional(),
  sentAt: Instant.optional(),
  /** The bot installed its Teams app for the recipient (through Graph) to deliver this: "installed for". */
  installedAt: Instant.optional(),
  createdAt: Instant,
});
type DeliveryFields = z.infer<typeof DeliveryFields>;

/** The latest of the times that hold a record back; ISO instants in UTC sort as text. */
export function availableAtOf(d: Pick<DeliveryFields, 'dueAt' | 'leaseUntil' | 'nextAttemptAt'>): string {
  return [d.dueAt, d.leaseUntil ?? '', d.nextAttemptAt ?? ''].reduce((a, b) => (b > a ? b : a));
}

/**
 * An outbox record. `availableAt` is recomputed whenever a record is parsed, i.e. before every
 * write through the store, so no writer (planner, RSVP, dispatcher claim or release) can leave it stale.
 */
export const Delivery = DeliveryFields.transform((d): DeliveryFields => ({ ...d, availableAt: availableAtOf(d) }));
export type Delivery = z.infer<typeof Delivery>;
export type DeliveryInput = z.input<typeof Delivery>;

/** Whether a message's moment has passed: due records past it are marked `expired`, not sent. */
export function hasExpired(d: Pick<Delivery, 'expiresAt'>, now: Date): boolean {
  return d.expiresAt !== undefined && now.getTime() >= Date.parse(d.expiresAt);
}

/** Why a record failed when its recipient had no platform account linked yet (the dispatcher's words). */
export const NO_LINKED_ACCOUNT = 'unreachable: no linked Teams or Slack account';

/**
 * Failed only because nobody could reach the person yet (no linked account, or, from the Slack
 * sender, no linked Slack user): worth sending once they are linked.
 */
export function failedForNoAccount(d: Pick<Delivery, 'status' | 'lastError'>): boolean {
  // Missing permission too: the person who opens the bot themselves is then reachable.
  return d.status === 'failed' && Boolean(d.lastError?.startsWith('unreachable: no linked') || failedForMissingPermission(d));
}

/** The words a Teams delivery fails with when Graph refused to install the app (see app-installer.ts). */
export const PERMISSION_MISSING_ERROR = 'unreachable: permission missing';

/** Failed because the deployment has not granted the permission to install the app for people. */
export function failedForMissingPermission(d: Pick<Delivery, 'status' | 'lastError'>): boolean {
  return d.status === 'failed' && Boolean(d.lastError?.startsWith(PERMISSION_MISSING_ERROR));
}

/**
 * How a message reached its person, for the lead's counts: `installed-for` when the bot had to
 * install its app for them first; `could-not-reach` when it failed (why: `lastError`).
 */
export type Reach = 'reached' | 'installed-for' | 'could-not-reach' | 'not-yet';
export function reachOf(d: Pick<Delivery, 'status' | 'installedAt'>): Reach {
  if (d.status === 'sent') return d.installedAt ? 'installed-for' : 'reached';
  if (d.status === 'failed') return 'could-not-reach';
  return 'not-yet';
}

/** `slot` separates messages of the same kind about the same thing, e.g. a nudge's day or a revision. */
export function deliveryId(kind: DeliveryKind, recipientId: string, subjectKey: string, slot = ''): string {
  return deterministicId('dlv', kind, recipientId, subjectKey, slot);
}

/**
 * What a writer knows about a new outbox record. Everything else (the id, `pending`, no attempts)
 * is filled in by `newDelivery`, the same way for the planner, the waiting list and CPD requests.
 */
export interface NewDeliverySpec {
  tenantId: string;
  kind: DeliveryKind;
  recipientId: string;
  subject: Delivery['subject'];
  /** What the message is about, for its id (session, questionnaire, gap task, request or digest week). */
  subjectKey: string;
  /** Separates messages of one kind about one thing (a nudge's day, a session's revision, a request's step). */
  slot?: string;
  /** ISO instant, already moved out of quiet hours by the writer when the kind needs it. */
  dueAt: string;
  sendExemption?: SendExemption;
  expiresAt?: string;
  /** ISO instant of the write. */
  createdAt: string;
}

/** The one way to make an outbox record: a deterministic id, so writing the same message twice finds it already there. */
export function newDelivery(spec: NewDeliverySpec): Delivery {
  return {
    tenantId: spec.tenantId,
    id: deliveryId(spec.kind, spec.recipientId, spec.subjectKey, spec.slot ?? ''),
    kind: spec.kind,
    recipientId: spec.recipientId,
    dueAt: spec.dueAt,
    ...(spec.sendExemption ? { sendExemption: spec.sendExemption } : {}),
    status: 'pending',
    ...(spec.expiresAt !== undefined ? { expiresAt: spec.expiresAt } : {}),
    subject: spec.subject,
    attempts: 0,
    createdAt: spec.createdAt,
  };
}
