import { agreeText, bySection, likertCountsText, responsesText } from '../wording/survey-results';
import type { SurveyResultsView } from '../views/survey-results';
import type { KnownBlock } from '@slack/types';
import { context, divider, fields, header, section } from './blocks';
import { escapeMrkdwn } from './limits';

export function surveyResultsBlocks(view: SurveyResultsView): KnownBlock[] {
  const blocks: KnownBlock[] = [
    header(`Survey results: ${view.title}`),
    fields([
      { label: 'Asked', value: view.audienceText },
      { label: 'Status', value: view.statusText },
      { label: 'Answers', value: view.anonymous ? 'Anonymous' : 'Named' },
      { label: 'Responses', value: responsesText(view) },
    ]),
  ];
  if (view.withheld) return [...blocks, section(`_Results appear once enough people have answered: so far ${escapeMrkdwn(view.withheld)}._`)];
  for (const group of bySection(view.statements)) {
    if (group.section) blocks.push(divider, section(`*${escapeMrkdwn(group.section)}*`));
    for (const s of group.statements) {
      blocks.push(section(`${escapeMrkdwn(s.prompt)}\n*${agreeText(s)}* · ${escapeMrkdwn(likertCountsText(s))}`));
    }
  }
  if (view.commentThemes.length > 0) {
    blocks.push(divider, section('*Comment themes*'));
    for (const theme of view.commentThemes) {
      const quotes = theme.examples.map((e) => `> ${escapeMrkdwn(e)}`).join('\n');
      blocks.push(section(`*${escapeMrkdwn(theme.theme)}* (${theme.count})${quotes ? `\n${quotes}` : ''}`));
    }
  }
  blocks.push(context('Results are withheld until enough people have answered.'));
  return blocks;
}
