import type { Questionnaire } from '../../domain';
import { findWhereIn } from '../../store/find-in';
import type { Store } from '../../store/store';
import { planCancellations } from './planner-cancellations';
import type { PlanningInput } from './planner-types';
import type { SubjectPlanned } from './plan-session';
import { writePlan } from './write-plan';

/**
 * Answers to a survey: the survey and reminder still waiting for those who answered are cancelled.
 * Reads the survey's pending messages and their recipients' receipts, not the tenant: the audience
 * itself (people who join it later) is the tenant-wide plan's business.
 */
export async function planSurveyAnswers(store: Store, base: Pick<PlanningInput, 'tenant' | 'calendar' | 'now'>, survey: Questionnaire): Promise<SubjectPlanned> {
  const tenantId = base.tenant.tenantId;
  const pending = await store.deliveries.find(tenantId, { where: { status: 'pending', 'subject.questionnaireId': survey.id } });
  const recipients = [...new Set(pending.map((d) => d.value.recipientId))];
  const receipts = await findWhereIn(store.receipts, tenantId, 'staffId', recipients, { questionnaireId: survey.id });
  const input: PlanningInput = {
    ...base,
    sessions: [],
    participations: [],
    questionnaires: [survey],
    templates: [],
    receipts,
    gapTasks: [],
    staff: [],
    pending: pending.map((d) => d.value),
  };
  const plan = planCancellations(input);
  return { summary: await writePlan(store, plan, new Map(pending.map((d) => [d.value.id, d.version]))) };
}
