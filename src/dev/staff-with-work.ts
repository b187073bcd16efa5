import { attendeesAmong } from '../domain';
import type { Store } from '../store/store';

/**
 * Who has most to do now: open gap tasks and open reaction questionnaires not yet answered.
 * The dev page starts its person picker there, so the first "Act as" shows cards with buttons.
 */
export async function staffWithMostToDo(deps: { store: Store; now: Date }, tenantId: string): Promise<string | undefined> {
  const { store } = deps;
  const now = deps.now.toISOString();
  const toDo = new Map<string, number>();
  const add = (staffId: string) => toDo.set(staffId, (toDo.get(staffId) ?? 0) + 1);

  const tasks = await store.gapTasks.find(tenantId, { where: { status: { in: ['awaiting-plan', 'planned'] } }, limit: 500 });
  for (const { value: task } of tasks) add(task.staffId);

  const open = (await store.questionnaires.find(tenantId, { where: { purpose: 'reaction', closesAt: { gt: now } }, limit: 50 }))
    .map((q) => q.value)
    .filter((q) => q.opensAt <= now && q.sessionId !== undefined && q.closedEarlyAt === undefined);
  for (const q of open) {
    const [participations, receipts] = await Promise.all([
      store.participations.find(tenantId, { where: { sessionId: q.sessionId! } }),
      store.receipts.find(tenantId, { where: { questionnaireId: q.id } }),
    ]);
    const answered = new Set(receipts.map((r) => r.value.staffId));
    for (const staffId of attendeesAmong(participations.map((p) => p.value))) if (!answered.has(staffId)) add(staffId);
  }

  let best: string | undefined;
  for (const [staffId, count] of toDo) if (best === undefined || count > toDo.get(best)!) best = staffId;
  return best;
}
