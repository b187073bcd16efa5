import { isOpen, type Questionnaire } from '../../domain';
import { resolveAudience } from './audience';
import { DAY_MS, emptyPlan, plannedDelivery, type Plan, type PlanningInput } from './planner-types';

/** The one reminder goes this long before a survey closes (and never sooner after it opened than a reaction reminder). */
export const SURVEY_REMINDER_BEFORE_CLOSE_MS = 2 * DAY_MS;

export function surveyReminderTime(input: PlanningInput, q: Questionnaire): Date {
  const earliest = new Date(q.opensAt).getTime() + input.tenant.settings.questionnaireReminderAfterHours * 3600_000;
  return new Date(Math.max(earliest, new Date(q.closesAt).getTime() - SURVEY_REMINDER_BEFORE_CLOSE_MS));
}

/**
 * While a survey is open: the survey to everyone in its audience who has not answered (resolved
 * on every run, so staff who join the audience later get it too), and once due, one reminder.
 */
export function planSurveyMessages(input: PlanningInput, q: Questionnaire): Plan {
  const plan = emptyPlan();
  if (q.purpose !== 'survey' || q.audience === undefined || !isOpen(q, input.now)) return plan;
  const answered = new Set(input.receipts.filter((r) => r.questionnaireId === q.id).map((r) => r.staffId));
  const base = { subject: { questionnaireId: q.id }, subjectKey: q.id, expiresAt: new Date(q.closedEarlyAt ?? q.closesAt) };
  // Someone who joins later is asked from now (then quiet hours apply), not from when it opened.
  const askAt = new Date(Math.max(new Date(q.opensAt).getTime(), input.now.getTime()));
  const remindAt = surveyReminderTime(input, q);
  for (const person of resolveAudience(q.audience, input.staff)) {
    if (answered.has(person.id)) continue;
    plan.deliveries.push(plannedDelivery(input, { ...base, kind: 'survey', recipientId: person.id, at: askAt }));
    // Planned only once due, so whoever has answered by then is left alone.
    if (input.now >= remindAt) plan.deliveries.push(plannedDelivery(input, { ...base, kind: 'questionnaire-reminder', recipientId: person.id, at: remindAt }));
  }
  // Deferred past closing (quiet hours, a weekend, a holiday), a message would ask for what can no longer be given.
  const closesAt = new Date(q.closesAt);
  plan.deliveries = plan.deliveries.filter((d) => new Date(d.dueAt) < closesAt);
  return plan;
}
