import { DateTime } from 'luxon';
import type { Questionnaire, Session } from '../domain';
import { attendeesAmong, deterministicId, reactionTemplateFor } from '../domain';
import { participationsOf } from './planner-sessions';
import { DAY_MS, emptyPlan, plannedDelivery, type Plan, type PlanningInput } from './planner-types';

export function reactionQuestionnaireId(sessionId: string): string {
  return deterministicId('qn', sessionId);
}

/** Attendees: those marked present; when no register was taken, those who said yes. */
export function attendeesOf(input: PlanningInput, sessionId: string): string[] {
  return attendeesAmong(participationsOf(input, sessionId));
}

/** The session's reaction questionnaire: the stored one, or a new one from its template (or the default). */
export function reactionQuestionnaireFor(input: PlanningInput, session: Session): Questionnaire {
  const id = reactionQuestionnaireId(session.id);
  const stored = input.questionnaires.find((q) => q.id === id);
  if (stored) return stored;
  const template = reactionTemplateFor(input.tenant.tenantId, input.templates, session.questionnaireTemplateId);
  const zone = input.tenant.settings.timezone;
  const closesAt = DateTime.fromISO(session.endsAt, { zone }).plus({ days: input.tenant.settings.questionnaireClosesAfterDays });
  return {
    tenantId: input.tenant.tenantId,
    id,
    title: `Reaction: ${session.title}`.slice(0, 200),
    purpose: 'reaction',
    sessionId: session.id,
    templateId: template.id,
    anonymous: template.anonymous,
    questions: template.questions,
    opensAt: session.endsAt,
    closesAt: closesAt.toUTC().toISO()!,
  };
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
  const base = { subject, subjectKey: questionnaire.id };
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
      plan.deliveries.push(plannedDelivery(input, { ...base, kind: 'questionnaire-closed', recipientId: staffId, at: closesAt }));
    }
  }
  // Deferred past closing, a reminder would ask for what can no longer be given.
  plan.deliveries = plan.deliveries.filter((d) => d.kind === 'questionnaire-closed' || new Date(d.dueAt) < closesAt);
  return plan;
}
