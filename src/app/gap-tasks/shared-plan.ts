import { newDelivery, type Delivery, type GapTask, type Staff, type Tenant } from '../../domain';
import type { CardView } from '../../cards/views';
import type { SharedGapPlanView } from '../../cards/views/shared-gap-plan';
import { GAP_PLAN_FIELDS } from '../../cards/wording/gap-task';
import type { AppDeps } from '../deps';

/** The school a person belongs to for sharing: their own, or a stand-alone school's people with none. */
function schoolOf(tenant: Tenant, person: Pick<Staff, 'schoolId'>): string | undefined {
  return person.schoolId ?? (tenant.kind === 'school' ? tenant.id : undefined);
}

/**
 * Who reads a plan shared under gap-task part 2 ("Share with your SLT"): the person's line manager,
 * and the senior leaders (role senior-leader) of the person's own school. Nobody at another school;
 * in a trust, a person with no school on the staff list has only their line manager.
 */
export async function sharedPlanReaders(deps: AppDeps, tenant: Tenant, person: Staff): Promise<{ staff: Staff; as: SharedGapPlanView['audience'] }[]> {
  const readers: { staff: Staff; as: SharedGapPlanView['audience'] }[] = [];
  if (person.lineManagerId && person.lineManagerId !== person.id) {
    const manager = (await deps.store.staff.get(tenant.id, person.lineManagerId))?.value;
    if (manager?.active) readers.push({ staff: manager, as: 'line-manager' });
  }
  const school = schoolOf(tenant, person);
  if (school !== undefined) {
    const leaders = (await deps.store.staff.find(tenant.id, { where: { roles: { contains: 'senior-leader' }, active: true } })).map((v) => v.value);
    for (const leader of leaders) {
      if (leader.id === person.id || readers.some((r) => r.staff.id === leader.id) || schoolOf(tenant, leader) !== school) continue;
      readers.push({ staff: leader, as: 'senior-leader' });
    }
  }
  return readers;
}

/** Puts the shared plan in each reader's outbox; the id names the task and the reader, so a repeat sends nothing twice. */
export async function enqueueSharedPlan(deps: AppDeps, tenant: Tenant, task: GapTask, readers: readonly { staff: Staff }[]): Promise<void> {
  const now = deps.clock.now().toISOString();
  for (const r of readers) {
    await deps.store.deliveries.create(newDelivery({ tenantId: tenant.id, kind: 'gap-plan-shared', recipientId: r.staff.id, subject: { gapTaskId: task.id }, subjectKey: task.id, dueAt: now, createdAt: now }));
  }
}

/** The `gap-plan-shared` record: checked again at sending time (still shared, the reader still entitled), fail closed. */
export async function composeSharedGapPlan(deps: AppDeps, tenant: Tenant, recipient: Staff, delivery: Delivery): Promise<{ view: CardView; text: string } | string> {
  const task = delivery.subject.gapTaskId ? (await deps.store.gapTasks.get(tenant.id, delivery.subject.gapTaskId))?.value : undefined;
  if (!task?.plan) return 'gap task or plan not found';
  if (task.plan.sharedWithLeaders !== true) return 'plan not shared';
  const person = (await deps.store.staff.get(tenant.id, task.staffId))?.value;
  if (!person) return 'person not found';
  const reader = (await sharedPlanReaders(deps, tenant, person)).find((r) => r.staff.id === recipient.id);
  if (!reader) return 'no longer their line manager or a senior leader of their school';
  const session = (await deps.store.sessions.get(tenant.id, task.sessionId))?.value;
  const plan = task.plan;
  const view: SharedGapPlanView = {
    kind: 'gap-plan-shared',
    personName: person.name,
    sessionTitle: session?.title ?? 'A CPD session',
    audience: reader.as,
    plan: GAP_PLAN_FIELDS.map((f) => ({ label: f.label, value: String(plan[f.id as 'takeBack' | 'intendedImpact' | 'startingPoint' | 'practiceChange']) })),
    ...(task.intent ? { intent: task.intent } : {}),
    ...(task.task ? { task: task.task } : {}),
  };
  return { view, text: `${person.name} shared their gap-task plan: ${view.sessionTitle}` };
}
