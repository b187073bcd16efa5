import { HELD_WHILE_AWAY, isAwayOn, type Delivery, type Staff, type Tenant } from '../domain';
import { localDateOf } from '../domain/school-time';
import type { CardView } from '../cards/views';
import type { AppDeps } from './deps';
import { buildGapTaskForm, buildNudgeView } from './gap-tasks/gap-task-view';
import { buildInvitationView, buildReminderView } from './sessions/invitation-view';
import { composeManagerDigest } from './digests/team-digest';
import { composeLeadDigest } from './digests/programme-digest';
import { composeInductionDigest } from './digests/induction-tutor-digest';
import type { OutboundMessage } from './outbound';
import { buildQuestionnaireView, hasAnswered } from './questionnaires/questionnaire-view';
import { surveyMessageHold } from './surveys/survey-delivery-rules';
import { composeRequestMessage } from './requests/request-composers';
import { composeApproverMissing } from './requests/request-chain-preview';
import { composeStatutoryRenewal } from './records/statutory-renewal-message';
import { composeStatutoryDecided, composeStatutoryDue, composeStatutoryReport } from './records/statutory-messages';
import { composeImpactMessage } from './impact/impact-messages';
import { composeActionNudge, composeAtRisk, composeMeetingRecord, composeMeetingReminder, composeMentoringGap, composeReflectionAdded, composeReviewPrompt } from './mentoring-meetings';
import { composeYearAheadPrompt } from './records/year-ahead-prompt-message';
import { composeSharedGapPlan } from './gap-tasks/shared-plan';

export type ComposeResult = { ok: true; recipient: Staff; message: OutboundMessage } | { ok: false; reason: string };

type Composer = (deps: AppDeps, tenant: Tenant, recipient: Staff, delivery: Delivery) => Promise<{ view: CardView; text: string } | string>;

const sessionComposer =
  (reason: 'invitation' | 'changed' | 'cancelled' | 'waitlist-promoted'): Composer =>
  async (deps, tenant, recipient, delivery) => {
    const session = delivery.subject.sessionId ? (await deps.store.sessions.get(tenant.id, delivery.subject.sessionId))?.value : undefined;
    if (!session) return 'session not found';
    if (session.status === 'cancelled' && reason !== 'cancelled') return 'session cancelled';
    const view = await buildInvitationView(deps, tenant, session, recipient.id, reason);
    const lead = { invitation: 'You are invited', changed: 'Session changed', cancelled: 'Session cancelled', 'waitlist-promoted': 'A place is yours' }[reason];
    return { view, text: `${lead}: ${session.title}, ${view.session.whenText}` };
  };

const reminderComposer =
  (when: 'day-before' | 'hour-before'): Composer =>
  async (deps, tenant, recipient, delivery) => {
    const session = delivery.subject.sessionId ? (await deps.store.sessions.get(tenant.id, delivery.subject.sessionId))?.value : undefined;
    if (!session || session.status !== 'published') return 'session not published';
    const view = await buildReminderView(deps, tenant, session, recipient.id, when);
    return { view, text: `Reminder: ${session.title}, ${view.session.whenText}` };
  };

const questionnaireComposer =
  (kind: 'first' | 'reminder' | 'closed'): Composer =>
  async (deps, tenant, recipient, delivery) => {
    const q = delivery.subject.questionnaireId ? (await deps.store.questionnaires.get(tenant.id, delivery.subject.questionnaireId))?.value : undefined;
    if (!q) return 'questionnaire not found';
    // Nobody is chased for something they have already answered.
    if (kind !== 'first' && (await hasAnswered(deps, q, recipient.id))) return 'already answered';
    const hold = q.purpose === 'survey' && kind !== 'closed' ? await surveyMessageHold(deps, q, recipient.id, kind) : undefined;
    if (hold) return hold;
    const view = await buildQuestionnaireView(deps, tenant, q, recipient.id, kind === 'reminder' ? { isReminder: true } : {});
    const first = q.purpose === 'survey' ? `Staff survey: ${q.title}` : `A few quick questions: ${q.title}`;
    const text = kind === 'closed' ? `Closed: ${q.title}` : kind === 'reminder' ? `Still time to answer: ${q.title}` : first;
    return { view, text };
  };

const gapComposer =
  (kind: 'plan' | 'nudge'): Composer =>
  async (deps, tenant, _recipient, delivery) => {
    const task = delivery.subject.gapTaskId ? (await deps.store.gapTasks.get(tenant.id, delivery.subject.gapTaskId))?.value : undefined;
    if (!task) return 'gap task not found';
    if (task.status === 'reported') return 'gap task already reported';
    if (kind === 'plan') {
      if (task.plan) return 'plan already made';
      return { view: await buildGapTaskForm(deps, tenant, task, 'plan'), text: 'Plan your gap task' };
    }
    const view = await buildNudgeView(deps, tenant, task);
    return { view, text: view.urgency === 'overdue' ? `Overdue: your gap task for ${view.sessionTitle}` : `Gap task: ${view.sessionTitle}, ${view.dueText}` };
  };

const COMPOSERS: Record<Delivery['kind'], Composer | undefined> = {
  invitation: sessionComposer('invitation'),
  'session-changed': sessionComposer('changed'),
  'session-cancelled': sessionComposer('cancelled'),
  'waitlist-promoted': sessionComposer('waitlist-promoted'),
  'reminder-day-before': reminderComposer('day-before'),
  'reminder-hour-before': reminderComposer('hour-before'),
  questionnaire: questionnaireComposer('first'),
  survey: questionnaireComposer('first'),
  'questionnaire-reminder': questionnaireComposer('reminder'),
  'questionnaire-closed': questionnaireComposer('closed'),
  'gap-plan-request': gapComposer('plan'),
  'gap-report-nudge': gapComposer('nudge'),
  'manager-digest': (deps, tenant, recipient) => composeManagerDigest(deps, tenant, recipient),
  'lead-digest': (deps, tenant, recipient) => composeLeadDigest(deps, tenant, recipient),
  'induction-digest': (deps, tenant, recipient) => composeInductionDigest(deps, tenant, recipient),
  'request-approval': composeRequestMessage,
  'request-update': composeRequestMessage,
  'request-nudge': composeRequestMessage,
  'request-overdue-lead': composeRequestMessage,
  'request-to-book': composeRequestMessage,
  'approver-missing': composeApproverMissing,
  'course-attendance': composeRequestMessage,
  'statutory-renewal': composeStatutoryRenewal,
  'statutory-due': composeStatutoryDue,
  'statutory-report': composeStatutoryReport,
  'statutory-report-decided': composeStatutoryDecided,
  'impact-follow-up': composeImpactMessage('person'),
  'impact-manager-view': composeImpactMessage('manager'),
  'mentoring-reminder': composeMeetingReminder,
  'mentoring-record': composeMeetingRecord,
  'mentoring-action-nudge': composeActionNudge,
  'mentoring-reflection': composeReflectionAdded,
  'progress-review-prompt': composeReviewPrompt,
  'progress-review-at-risk': composeAtRisk,
  'mentoring-gap': composeMentoringGap,
  'year-ahead-prompt': composeYearAheadPrompt,
  'gap-plan-shared': composeSharedGapPlan,
};

/** Turns an outbox record into the message to send, or says why it should not be sent any more. */
export async function composeMessage(deps: AppDeps, delivery: Delivery): Promise<ComposeResult> {
  const [tenant, recipient] = await Promise.all([
    deps.store.tenants.get(delivery.tenantId, delivery.tenantId),
    deps.store.staff.get(delivery.tenantId, delivery.recipientId),
  ]);
  if (!tenant) return { ok: false, reason: 'tenant not found' };
  if (!recipient || !recipient.value.active) return { ok: false, reason: 'recipient not found or inactive' };
  // Planned before they went away: a reminder or nudge is not sent while they are.
  if (HELD_WHILE_AWAY.has(delivery.kind) && isAwayOn(recipient.value, localDateOf(deps.clock.now(), tenant.value.settings.timezone))) {
    return { ok: false, reason: `recipient away until ${recipient.value.awayUntil}` };
  }
  const composer = COMPOSERS[delivery.kind];
  if (!composer) return { ok: false, reason: `no composer for ${delivery.kind}` };
  const composed = await composer(deps, tenant.value, recipient.value, delivery);
  if (typeof composed === 'string') return { ok: false, reason: composed };
  return { ok: true, recipient: recipient.value, message: composed };
}
