import { countOf } from '../format';
import type { ManagerDigestView } from '../views/manager-digest';
import type { KnownBlock } from '@slack/types';
import { divider, fields, header, section } from './blocks';
import { escapeMrkdwn } from './limits';
import { teamParticipationChart } from '../charts/report-charts';
import { chartImage } from './chart-image';

export function managerDigestBlocks(view: ManagerDigestView): KnownBlock[] {
  const t = view.totals;
  const blocks: KnownBlock[] = [
    header(`CPD digest: ${view.weekText}`),
    section(`Hello ${escapeMrkdwn(view.managerName)}, here is your team's CPD for ${escapeMrkdwn(view.weekText)}.`),
    fields([
      { label: 'Sessions attended', value: String(t.attended) },
      { label: 'Questionnaires outstanding', value: String(t.questionnairesOutstanding) },
      { label: 'Gap tasks outstanding', value: String(t.gapTasksOutstanding) },
      { label: 'Gap tasks overdue', value: String(t.gapTasksOverdue) },
    ]),
  ];
  const team = chartImage(teamParticipationChart(view), view.chartImages);
  if (team) blocks.push(team);
  const reaction = 'withheld' in view.reactionSummary ? `_${escapeMrkdwn(view.reactionSummary.withheld)}_` : escapeMrkdwn(view.reactionSummary.text);
  blocks.push(section(`*Reactions:* ${reaction}`));
  for (const row of view.reports) {
    const lines = [`*${escapeMrkdwn(row.name)}*`];
    if (row.attendedThisWeek.length > 0) lines.push(`Attended: ${row.attendedThisWeek.map(escapeMrkdwn).join(', ')}`);
    const open = [
      row.questionnairesOutstanding ? `${countOf(row.questionnairesOutstanding, 'questionnaire')} to answer` : '',
      row.gapTasksOutstanding ? `${countOf(row.gapTasksOutstanding, 'gap task')} open` : '',
      row.gapTasksOverdue ? `:exclamation: ${row.gapTasksOverdue} overdue` : '',
    ].filter(Boolean);
    if (open.length > 0) lines.push(open.join(' · '));
    for (const note of row.impactNotes) lines.push(`> ${escapeMrkdwn(note)}`);
    if (row.yearAhead) lines.push(`:compass: ${escapeMrkdwn(row.yearAhead)}`);
    blocks.push(divider, section(lines.join('\n')));
  }
  return blocks;
}
