import { isOverdue, type GapTask } from '../../domain';
import { formatDay } from '../format';
import type { MyRecordView } from '../views/my-record';

/** One open gap task as the task list and "my record" show it. */
export function openTaskRow(task: GapTask, sessionTitle: string, zone: string, now: Date): MyRecordView['openTasks'][number] {
  return {
    gapTaskId: task.id,
    sessionTitle,
    dueText: `Due ${formatDay(task.dueAt, zone)}`,
    stage: task.status === 'awaiting-plan' ? 'plan' : 'report',
    overdue: isOverdue(task, now),
  };
}
