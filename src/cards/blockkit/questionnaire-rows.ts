import { anonymityText } from '../wording/anonymity';
import type { OpenQuestionnaireRow } from '../views/common';
import type { KnownBlock } from '@slack/types';
import { button, divider, section } from './blocks';
import { escapeMrkdwn } from './limits';

/** "Questionnaires to answer", each with "Answer now" (it opens the questionnaire as a modal); nothing when there are none. */
export function openQuestionnaireBlocks(rows: readonly OpenQuestionnaireRow[] | undefined): KnownBlock[] {
  if (!rows || rows.length === 0) return [];
  const blocks: KnownBlock[] = [divider, section('*Questionnaires to answer*')];
  rows.forEach((row, i) => {
    const about = [row.sessionTitle, row.closesText, anonymityText(row.anonymous).split(':')[0]].filter(Boolean).map((t) => escapeMrkdwn(String(t)));
    blocks.push(section(`*${escapeMrkdwn(row.title)}*\n${about.join(' · ')}`, button('Answer now', { verb: 'questionnaire.open', questionnaireId: row.questionnaireId }, { style: 'primary', suffix: `q${i}` })));
  });
  return blocks;
}
