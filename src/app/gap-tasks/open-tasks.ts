import type { GapTask } from '../../domain';
import { openTaskRow } from '../../cards/wording/open-task-row';
import type { MyRecordView } from '../../cards/views/my-record';
import type { TaskListView } from '../../cards/views/task-list';
import type { Actor } from '../people';
import type { AppDeps } from '../deps';
import { openQuestionnairesFor } from '../questionnaires';

/** The person's gap tasks still waiting for a plan or a report, soonest due first. */
export async function openTasks(deps: AppDeps, actor: Actor): Promise<MyRecordView['openTasks']> {
  const now = deps.clock.now();
  const rows = await deps.store.gapTasks.find(actor.tenant.id, {
    where: { staffId: actor.staff.id, status: { in: ['awaiting-plan', 'planned'] } },
    orderBy: { field: 'dueAt' },
  });
  const titles = new Map<string, string>();
  const titleOf = async (task: GapTask): Promise<string> => {
    if (!titles.has(task.sessionId)) {
      titles.set(task.sessionId, (await deps.store.sessions.get(task.tenantId, task.sessionId))?.value.title ?? 'CPD session');
    }
    return titles.get(task.sessionId)!;
  };
  const tasks: MyRecordView['openTasks'] = [];
  for (const { value: task } of rows) {
    tasks.push(openTaskRow(task, await titleOf(task), actor.tenant.settings.timezone, now));
  }
  return tasks;
}

export async function listOpenTasks(deps: AppDeps, actor: Actor): Promise<TaskListView> {
  const [tasks, questionnaires] = await Promise.all([openTasks(deps, actor), openQuestionnairesFor(deps, actor)]);
  return {
    kind: 'task-list',
    tasks,
    emptyText: questionnaires.length > 0 ? 'You have no gap tasks open.' : 'You have no gap tasks open. Nice work.',
    ...(questionnaires.length > 0 ? { openQuestionnaires: questionnaires } : {}),
  };
}
