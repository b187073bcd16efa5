import type {
  CpdRequest,
  Delivery,
  DeliveryKind,
  GapTask,
  ImpactFollowUp,
  MentoringLink,
  MentoringMeeting,
  Participation,
  ProgressReview,
  Questionnaire,
  QuestionnaireTemplate,
  ResponseReceipt,
  SchoolCalendar,
  Session,
  Staff,
  StatutoryTraining,
  Tenant,
} from '../../domain';
import { newDelivery } from '../../domain';
import { outboxDueAt, type SendExemption } from '../../domain/send-exemption';

/** Everything the planner looks at for one tenant; it reads nothing else and writes nothing. */
export interface PlanningInput {
  tenant: Tenant;
  calendar: SchoolCalendar;
  sessions: readonly Session[];
  participations: readonly Participation[];
  questionnaires: readonly Questionnaire[];
  templates: readonly QuestionnaireTemplate[];
  receipts: readonly ResponseReceipt[];
  gapTasks: readonly GapTask[];
  staff: readonly Staff[];
  /** The tenant's statutory training (renewals keep to their horizon; a required topic with none is due); absent: none looked at. */
  statutoryTraining?: readonly StatutoryTraining[];
  /** Impact follow-ups already asked (asked or answered); absent: none. */
  impactFollowUps?: readonly ImpactFollowUp[];
  /** Sessions marked for an impact follow-up that are older than `sessions` reach. */
  impactSessions?: readonly Session[];
  /** Pending outbox records, so that the planner can cancel those no longer wanted. */
  pending: readonly Delivery[];
  /** CPD requests waiting for an approver (docs/requests.md); absent: none. */
  cpdRequests?: readonly CpdRequest[];
  /** Mentoring meetings of recent and coming weeks, the links naming who holds them, this year's progress reviews (planner-mentoring.ts); absent: none. */
  mentoringMeetings?: readonly MentoringMeeting[];
  mentoringLinks?: readonly MentoringLink[];
  progressReviews?: readonly ProgressReview[];
  now: Date;
}

/** What the planner wants written: records created if absent, and pending deliveries to cancel. */
export interface Plan {
  deliveries: Delivery[];
  questionnaires: Questionnaire[];
  gapTasks: GapTask[];
  impactFollowUps: ImpactFollowUp[];
  cancellations: Delivery[];
}

export const emptyPlan = (): Plan => ({ deliveries: [], questionnaires: [], gapTasks: [], impactFollowUps: [], cancellations: [] });

export function mergePlans(...plans: Plan[]): Plan {
  const out = emptyPlan();
  for (const p of plans) {
    out.deliveries.push(...p.deliveries);
    out.questionnaires.push(...p.questionnaires);
    out.gapTasks.push(...p.gapTasks);
    out.impactFollowUps.push(...p.impactFollowUps);
    out.cancellations.push(...p.cancellations);
  }
  return out;
}

export const DAY_MS = 24 * 60 * 60 * 1000;

export interface PlannedMessage {
  kind: DeliveryKind;
  recipientId: string;
  subject: Delivery['subject'];
  /** What the message is about, for its id (session, questionnaire, gap task or digest week). */
  subjectKey: string;
  slot?: string;
  /** When the rules say it is due, before quiet hours, weekends and holidays are applied. */
  at: Date;
  /** What the rule allows beyond the usual window (a session then); kept on the record for the dispatcher. */
  window?: SendExemption;
  /** After this the message is pointless and is never sent (see `hasExpired`). */
  expiresAt: Date;
}

/**
 * An outbox record with a deterministic id, due at its rule's time or now if that has passed,
 * moved out of quiet hours, weekends and holidays.
 */
export function plannedDelivery(input: PlanningInput, m: PlannedMessage): Delivery {
  const dueAt = outboxDueAt(m.at, input.now, input.calendar, input.tenant.settings.timezone, m.window);
  return newDelivery({
    tenantId: input.tenant.tenantId,
    kind: m.kind,
    recipientId: m.recipientId,
    subject: m.subject,
    subjectKey: m.subjectKey,
    ...(m.slot !== undefined ? { slot: m.slot } : {}),
    dueAt: dueAt.toISOString(),
    ...(m.window ? { sendExemption: m.window } : {}),
    expiresAt: m.expiresAt.toISOString(),
    createdAt: input.now.toISOString(),
  });
}

/** The input as it will be once the plan is written: the records it creates are then stored. */
export function withPlanned(input: PlanningInput, plan: Plan): PlanningInput {
  return {
    ...input,
    questionnaires: [...input.questionnaires, ...plan.questionnaires],
    gapTasks: [...input.gapTasks, ...plan.gapTasks],
    impactFollowUps: [...(input.impactFollowUps ?? []), ...plan.impactFollowUps],
  };
}
