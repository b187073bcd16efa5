import type { TaskListView } from '../views/task-list';
import type { KnownBlock } from '@slack/types';
import { button, divider, header, section } from './blocks';
import { escapeMrkdwn } from './limits';
import { openQuestionnaireBlocks } from './questionnaire-rows';

export function taskListBlocks(view: TaskListView): KnownBlock[] {
  const blocks: KnownBlock[] = [header('Your gap tasks')];
  if (view.tasks.length === 0) return [...blocks, section(escapeMrkdwn(view.emptyText)), ...openQuestionnaireBlocks(view.openQuestionnaires)];
  view.tasks.forEach((t, i) => {
    const verb = t.stage === 'plan' ? 'gap.plan.open' : 'gap.report.open';
    const due = `${t.overdue ? ':exclamation: Overdue · ' : ''}${escapeMrkdwn(t.dueText)}`;
    blocks.push(
      divider,
      section(
        `*${escapeMrkdwn(t.sessionTitle)}* (${t.stage})\n${due}`,
        button(t.stage === 'plan' ? 'Write plan' : 'Write report', { verb, gapTaskId: t.gapTaskId }, { suffix: String(i) }),
      ),
    );
  });
  return [...blocks, ...openQuestionnaireBlocks(view.openQuestionnaires)];
}
