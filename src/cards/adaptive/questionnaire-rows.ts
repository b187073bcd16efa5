import { anonymityText } from '../wording/anonymity';
import type { OpenQuestionnaireRow } from '../views/common';
import { actionSet, compact, execute, subheading, text, type AdaptiveElement } from './elements';

/** A questionnaire still to answer, with "Answer now" (it opens the questionnaire card in place). */
function questionnaireRow(row: OpenQuestionnaireRow): AdaptiveElement {
  return {
    type: 'Container',
    separator: true,
    items: compact([
      text(row.title, { weight: 'Bolder' }),
      text(compact([row.sessionTitle, row.closesText, anonymityText(row.anonymous).split(':')[0]]).join(' · '), { spacing: 'None', isSubtle: true }),
      actionSet([execute('Answer now', 'questionnaire.open', { questionnaireId: row.questionnaireId }, { style: 'positive' })]),
    ]),
  };
}

/** "Questionnaires to answer", or nothing when there are none. */
export function openQuestionnaireRows(rows: readonly OpenQuestionnaireRow[] | undefined): AdaptiveElement[] {
  if (!rows || rows.length === 0) return [];
  return [subheading('Questionnaires to answer'), ...rows.map(questionnaireRow)];
}
