import type { Questionnaire, Session } from '../../domain';
import { attendeesAmong, findReactionQuestionnaire, newReactionQuestionnaire, reactionTemplateFor } from '../../domain';
import { participationsOf } from './planner-sessions';
import { DAY_MS, emptyPlan, plannedDelivery, type Plan, type PlanningInput } from './planner-types';

export { reactionQuestionnaireId } from '../../domain';

/**
 * Attendees: those marked present; when no register was taken, those who said yes. A booked
 * external course only those who said they went (or the lead marked present): its questionnaire
 * and "share what you learned" task wait for that answer, and never reach someone who did not go.
 */
export function attendeesOf(input: PlanningInput, sessionId: string): string[] {
  const participations = participationsOf(input, sessionId);
  if (input.sessions.find((s) => s.id === sessionId)?.externalCourse) return participations.filter((p) => p.attended === true).map((p) => p.staffId);
  return attendeesAmong(participations);
}

/**
 * The session's reaction questionnaire: the stored one whoever wrote it, else a new one from its
 * template (or the default). Never a second one: its answers' receipts point at the first.
 */
export function reactionQuestionnaireFor(input: PlanningInput, session: Session): Questionnaire {
  const stored = findReactionQuestionnaire(input.questionnaires, session.id);
  if (stored) return stored;
  const template = reactionTemplateFor(input.tenant.tenantId, input.templates, session.questionnaireTemplateId);
  return newReactionQuestionnaire(input.tenant, session, template);
}

/** After the session: the questionnaire to attendees, one reminder to non-responders, a closing update. */
export function planQuestionnaireMessages(input: PlanningInput, session: Session): Plan {
  const plan = emptyPlan();
  const { now } = input;
  if (session.status !== 'published' || now < new Date(session.endsAt)) return plan;
  const questionnaire = reactionQuestionnaireFor(input, session);
  const closesAt = new Date(questionnaire.closedEarlyAt ?? questionnaire.closesAt);
  // A week after closing the session is history: plan nothing more about it.
  if (now >= new Date(closesAt.getTime() + 7 * DAY_MS)) return plan;
  if (!input.questionnaires.some((q) => q.id === questionnaire.id)) plan.questionnaires.push(questionnaire);

  const answered = new Set(input.receipts.filter((r) => r.questionnaireId === questionnaire.id).map((r) => r.staffId));
  const subject = { sessionId: session.id, questionnaireId: questionnaire.id };
  // Asking or reminding is pointless once it closes; the closing note a week later.
  const base = { subject, subjectKey: questionnaire.id, expiresAt: closesAt };
  const remindAt = new Date(new Date(questionnaire.opensAt).getTime() + input.tenant.settings.questionnaireReminderAfterHours * 3600_000);
  for (const staffId of attendeesOf(input, session.id)) {
    if (now < closesAt) {
      if (!answered.has(staffId)) {
        plan.deliveries.push(plannedDelivery(input, { ...base, kind: 'questionnaire', recipientId: staffId, at: new Date(session.endsAt) }));
      }
      if (now >= remindAt && !answered.has(staffId)) {
        plan.deliveries.push(plannedDelivery(input, { ...base, kind: 'questionnaire-reminder', recipientId: staffId, at: remindAt }));
      }
    } else if (!answered.has(staffId)) {
      plan.deliveries.push(plannedDelivery(input, { ...base, kind: 'questionnaire-closed', recipientId: staffId, at: closesAt, expiresAt: new Date(closesAt.getTime() + 7 * DAY_MS) }));
    }
  }
  // Deferred past closing, a reminder would ask for what can no longer be given.
  plan.deliveries = plan.deliveries.filter((d) => d.kind === 'questionnaire-closed' || new Date(d.dueAt) < closesAt);
  return plan;
}
