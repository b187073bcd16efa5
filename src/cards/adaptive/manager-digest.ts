import { countOf } from '../format';
import type { DigestReportRow, ManagerDigestView } from '../views/manager-digest';
import type { CardContent } from './card-content';
import { teamParticipationChart } from '../charts/report-charts';
import { chartElement } from './chart-element';
import { compact, facts, heading, subheading, subtle, text, type AdaptiveElement } from './elements';

function outstanding(row: DigestReportRow): string {
  const parts = compact([
    row.attendedThisWeek.length > 0 && `attended ${row.attendedThisWeek.join(', ')}`,
    row.questionnairesOutstanding > 0 && `${countOf(row.questionnairesOutstanding, 'questionnaire')} to answer`,
    row.gapTasksOutstanding > 0 && `${countOf(row.gapTasksOutstanding, 'gap task')} open`,
    row.gapTasksOverdue > 0 && `${row.gapTasksOverdue} overdue`,
  ]);
  return parts.length > 0 ? parts.join(' · ') : 'Nothing outstanding';
}

function personBlock(row: DigestReportRow): AdaptiveElement {
  return {
    type: 'Container',
    separator: true,
    items: compact([
      text(row.name, { weight: 'Bolder' }),
      text(outstanding(row), { spacing: 'None', color: row.gapTasksOverdue > 0 ? 'Attention' : 'Default' }),
      ...row.impactNotes.map((note) => text(`“${note}”`, { isSubtle: true, spacing: 'Small' })),
      row.yearAhead && text(row.yearAhead, { spacing: 'Small' }),
    ]),
  };
}

export function managerDigestCard(view: ManagerDigestView): CardContent {
  // Counts of people; each person's own line below says the same by name, so other clients drop it.
  const team = teamParticipationChart(view);
  const reaction = 'text' in view.reactionSummary ? view.reactionSummary.text : view.reactionSummary.withheld;
  return {
    body: compact([
      heading('Your team’s CPD'),
      subtle(`${view.weekText} · for ${view.managerName}`),
      facts([
        { label: 'Sessions attended', value: String(view.totals.attended) },
        { label: 'Questionnaires due', value: String(view.totals.questionnairesOutstanding) },
        { label: 'Gap tasks open', value: String(view.totals.gapTasksOutstanding) },
        { label: 'Overdue', value: String(view.totals.gapTasksOverdue) },
      ]),
      team && chartElement(team, 'drop'),
      subheading('Reactions'),
      text(reaction, { spacing: 'Small', isSubtle: 'withheld' in view.reactionSummary }),
      ...view.reports.map(personBlock),
    ]),
    summary: `Your team’s CPD, ${view.weekText}: ${countOf(view.totals.gapTasksOverdue, 'overdue gap task')}.`,
  };
}
