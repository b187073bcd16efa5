import type { QuestionnaireView } from '../views';
import type { CardContent } from './card-content';
import { compact, execute, heading, noticeBox, subtle, text } from './elements';
import { questionInput } from './question-inputs';

const STATE_NOTICE = {
  closed: { tone: 'info', text: 'This questionnaire has closed.' },
  answered: { tone: 'good', text: "You've answered this one. Thank you!" },
} as const;

export function questionnaireCard(view: QuestionnaireView): CardContent {
  const ids = { questionnaireId: view.questionnaireId };
  const open = view.state === 'open';
  const stateNotice = view.state === 'open' ? view.notice : (view.notice ?? STATE_NOTICE[view.state]);
  return {
    body: compact([
      view.isReminder && text('A reminder: we would still value your answers.', { isSubtle: true, weight: 'Bolder' }),
      heading(view.title),
      view.sessionTitle && subtle(view.sessionTitle),
      stateNotice && noticeBox(stateNotice),
      open && subtle(view.closesText),
      open && view.anonymous && subtle('Anonymous: your name is not kept with your answers.'),
      ...(open ? view.questions.flatMap((q) => questionInput(q, view.values?.[q.id], view.errors?.[q.id])) : []),
    ]),
    actions: open ? [execute('Send my answers', 'questionnaire.submit', ids, { style: 'positive', withInputs: true })] : [],
    refreshWith: ids,
    summary: `${view.title}${view.sessionTitle ? ` (${view.sessionTitle})` : ''}: ${view.closesText}`,
  };
}
