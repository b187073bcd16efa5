import type { Delivery } from '../../domain';
import { emptyPlan, type Plan, type PlanningInput } from './planner-types';

/** Why a pending record is no longer wanted, or undefined to keep it. */
function cancelReason(input: PlanningInput, d: Delivery): string | undefined {
  const session = d.subject.sessionId ? input.sessions.find((s) => s.id === d.subject.sessionId) : undefined;
  if (session?.status === 'cancelled' && d.kind !== 'session-cancelled') return 'session cancelled';
  if (d.kind === 'course-attendance') {
    const place = input.participations.find((p) => p.sessionId === d.subject.sessionId && p.staffId === d.recipientId);
    if (place?.attended !== undefined) return 'attendance already recorded';
  }
  if (d.kind === 'gap-report-nudge' || d.kind === 'gap-plan-request') {
    const task = input.gapTasks.find((t) => t.id === d.subject.gapTaskId);
    if (task?.status === 'reported') return 'report already in';
    if (d.kind === 'gap-plan-request' && task && task.status !== 'awaiting-plan') return 'plan already in';
  }
  if (d.kind === 'questionnaire' || d.kind === 'questionnaire-reminder' || d.kind === 'survey') {
    const answered = input.receipts.some((r) => r.questionnaireId === d.subject.questionnaireId && r.staffId === d.recipientId);
    if (answered) return 'already answered';
    const q = input.questionnaires.find((x) => x.id === d.subject.questionnaireId);
    if (q?.purpose === 'survey' && input.now.toISOString() >= (q.closedEarlyAt ?? q.closesAt)) return 'survey closed';
  }
  return undefined;
}

/** Pending records about cancelled sessions, answered questionnaires, closed surveys or reported gap tasks become cancelled. */
export function planCancellations(input: PlanningInput): Plan {
  const plan = emptyPlan();
  for (const d of input.pending) {
    if (d.status !== 'pending') continue;
    const reason = cancelReason(input, d);
    if (reason) plan.cancellations.push({ ...d, status: 'cancelled', lastError: reason });
  }
  return plan;
}
