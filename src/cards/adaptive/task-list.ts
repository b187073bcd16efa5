import { countOf } from '../format';
import type { TaskListView } from '../views/task-list';
import type { CardContent } from './card-content';
import { heading, text } from './elements';
import { openQuestionnaireRows } from './questionnaire-rows';
import { taskRow } from './task-rows';

export function taskListCard(view: TaskListView): CardContent {
  return {
    body: [heading('Your gap tasks'), ...(view.tasks.length > 0 ? view.tasks.map(taskRow) : [text(view.emptyText)]), ...openQuestionnaireRows(view.openQuestionnaires)],
    summary: view.tasks.length > 0 ? countOf(view.tasks.length, 'open gap task') : view.emptyText,
  };
}
