import { anonymityText } from '../wording/anonymity';
import type { QuestionnaireView } from '../views/questionnaire';
import type { CardContent } from './card-content';
import { compact, execute, heading, noticeBox, subheading, subtle, text, type AdaptiveElement } from './elements';
import { questionInput } from './question-inputs';

const STATE_NOTICE = {
  closed: { tone: 'info', text: 'This questionnaire has closed.' },
  answered: { tone: 'good', text: "You've answered this one. Thank you!" },
} as const;

/** Each question, with its area heading above it where the area changes (the staff audit's areas). */
function questionsWithSections(view: QuestionnaireView): AdaptiveElement[] {
  return view.questions.flatMap((q, i) =>
    compact([q.section !== undefined && q.section !== view.questions[i - 1]?.section && subheading(q.section), ...questionInput(q, view.values?.[q.id], view.errors?.[q.id])]),
  );
}

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
      open && subtle(anonymityText(view.anonymous)),
      ...(open ? questionsWithSections(view) : []),
    ]),
    actions: open ? [execute('Send my answers', 'questionnaire.submit', { ...ids, ...(view.sessionId ? { sessionId: view.sessionId } : {}) }, { style: 'positive', withInputs: true })] : [],
    refreshWith: ids,
    summary: `${view.title}${view.sessionTitle ? ` (${view.sessionTitle})` : ''}: ${view.closesText}`,
  };
}
