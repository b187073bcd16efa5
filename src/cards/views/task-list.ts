import type { OpenQuestionnaireRow } from './common';
import type { MyRecordView } from './my-record';

export interface TaskListView {
  kind: 'task-list';
  tasks: MyRecordView['openTasks'];
  emptyText: string;
  openQuestionnaires?: OpenQuestionnaireRow[];
}
