import type { MyRecordView } from '../views/my-record';
import { execute, text, type AdaptiveElement } from './elements';

type OpenTask = MyRecordView['openTasks'][number];

/** One open gap task with a button that opens its form. */
export function taskRow(task: OpenTask): AdaptiveElement {
  const verb = task.stage === 'plan' ? 'gap.plan.open' : 'gap.report.open';
  return {
    type: 'Container',
    separator: true,
    items: [
      text(task.sessionTitle, { weight: 'Bolder' }),
      text(`${task.stage === 'plan' ? 'Plan' : 'Impact report'} · ${task.dueText}`, {
        spacing: 'None',
        color: task.overdue ? 'Attention' : 'Default',
      }),
      { type: 'ActionSet', actions: [execute(task.stage === 'plan' ? 'Plan it' : 'Report', verb, { gapTaskId: task.gapTaskId })] },
    ],
  };
}
