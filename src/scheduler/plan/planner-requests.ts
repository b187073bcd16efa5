import { currentStep, hasRole, type CpdRequest } from '../../domain';
import { addLocalDays, isHoliday, isWeekend, localDateOf } from '../../domain/school-time';
import { emptyPlan, plannedDelivery, type Plan, type PlanningInput } from './planner-types';

/** School days (not weekends, not holidays) that have begun since `from`, counted in the school's zone. */
export function schoolDaysSince(input: Pick<PlanningInput, 'calendar' | 'tenant' | 'now'>, from: Date): number {
  const zone = input.tenant.settings.timezone;
  const today = localDateOf(input.now, zone);
  let day = localDateOf(from, zone);
  let count = 0;
  // Bounded: a request waiting longer than a term has long since reached the lead.
  for (let i = 0; i < 120 && day < today; i++) {
    day = addLocalDays(day, 1);
    if (!isWeekend(day) && !isHoliday(input.calendar, day)) count++;
  }
  return count;
}

/**
 * An approver who has not answered in N school days (the tenant's `nudgeAfterSchoolDays`) is
 * nudged once; after N more the CPD lead is told. One id per request, step and message, so
 * each goes once however often the planner runs.
 */
export function planRequestNudges(input: PlanningInput, request: CpdRequest): Plan {
  const plan = emptyPlan();
  const step = currentStep(request);
  if (!step?.reachedAt) return plan;
  const index = request.steps.indexOf(step);
  const n = input.tenant.settings.cpdRequests.nudgeAfterSchoolDays;
  const waited = schoolDaysSince(input, new Date(step.reachedAt));
  const subject = { requestId: request.id };
  // Sent late (after downtime) a week on, a nudge about a waiting request is stale: the lead has been told by then.
  const expiresAt = new Date(input.now.getTime() + 7 * 86_400_000);
  if (waited >= n) {
    plan.deliveries.push(plannedDelivery(input, { kind: 'request-nudge', recipientId: step.approverId, subject, subjectKey: request.id, slot: `step-${index}`, at: input.now, expiresAt }));
  }
  // The school's own CPD lead when it has one (and they are still here), else the trust's.
  const schoolLeadId = request.schoolId ? input.tenant.settings.cpdRequests.cpdLeadBySchool[request.schoolId] : undefined;
  const lead = input.staff.find((s) => s.id === schoolLeadId) ?? input.staff.filter((s) => hasRole(s, 'cpd-lead')).sort((a, b) => a.id.localeCompare(b.id))[0];
  if (waited >= 2 * n && lead) {
    plan.deliveries.push(plannedDelivery(input, { kind: 'request-overdue-lead', recipientId: lead.id, subject, subjectKey: request.id, slot: `step-${index}`, at: input.now, expiresAt }));
  }
  return plan;
}
