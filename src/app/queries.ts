import { isInAudience, type GapTask } from '../domain';
import { openTaskRow } from '../cards/open-task-row';
import type { MyRecordView, SessionListView, SessionSummary, TaskListView } from '../cards/views';
import type { Actor } from './actor';
import type { AppDeps } from './deps';
import { buildInvitationView } from './invitation-view';
import { openQuestionnairesFor } from './questionnaires/open-questionnaires';


/** Published sessions still to come that this person is in the audience of, soonest first. */
export async function upcomingSessions(deps: AppDeps, actor: Actor, limit = 10): Promise<SessionSummary[]> {
  const now = deps.clock.now().toISOString();
  const rows = await deps.store.sessions.find(actor.tenant.id, {
    where: { status: 'published', startsAt: { gt: now } },
    orderBy: { field: 'startsAt' },
    limit: 200,
  });
  const mine = rows.map((r) => r.value).filter((s) => isInAudience(s.audience, actor.staff)).slice(0, limit);
  return Promise.all(mine.map(async (s) => (await buildInvitationView(deps, actor.tenant, s, actor.staff.id)).session));
}

export async function listUpcomingSessions(deps: AppDeps, actor: Actor): Promise<SessionListView> {
  return {
    kind: 'session-list',
    sessions: await upcomingSessions(deps, actor),
    emptyText: 'No sessions are coming up for you just now.',
  };
}

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
