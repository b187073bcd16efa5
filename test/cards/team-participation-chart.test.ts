import { renderAdaptiveCard } from '../../src/cards/adaptive/render-adaptive-card';
import { renderBlockKitMessage } from '../../src/cards/blockkit';
import { chartFiguresText } from '../../src/cards/charts/chart-definition';
import { chartSvg } from '../../src/cards/charts/chart-svg';
import { teamParticipationChart } from '../../src/cards/charts/report-charts';
import type { DigestReportRow, ManagerDigestView } from '../../src/cards/views';

/**
 * Issue 24 item 15: the manager's digest said "Attended 0" and then drew "Attended a session this
 * week 5" (the team's size, the stacked bar's whole). Every figure shown must be the count it names.
 */
function quietWeek(): ManagerDigestView {
  const row = (i: number): DigestReportRow => ({ staffId: `s${i}`, name: `Person ${i}`, attendedThisWeek: [], questionnairesOutstanding: i === 0 ? 1 : 0, gapTasksOutstanding: 0, gapTasksOverdue: 0, impactNotes: [] });
  return {
    kind: 'manager-digest',
    managerName: 'Helen Carter',
    weekText: '23–29 November 2026',
    reports: [0, 1, 2, 3, 4].map(row),
    totals: { attended: 0, questionnairesOutstanding: 1, gapTasksOutstanding: 0, gapTasksOverdue: 0 },
    reactionSummary: { withheld: 'Team averages appear once 5 people have answered.' },
  };
}

type Json = Record<string, unknown>;
const walk = (node: unknown, out: Json[] = []): Json[] => {
  if (Array.isArray(node)) node.forEach((n) => walk(n, out));
  else if (node && typeof node === 'object') {
    out.push(node as Json);
    Object.values(node).forEach((v) => walk(v, out));
  }
  return out;
};

describe('manager digest: the team chart shows the count each bar names', () => {
  it('Teams: one bar per measure whose value is the number of people (0 attended, 4 all answered), not the team size', () => {
    const card = renderAdaptiveCard(quietWeek());
    const chart = walk(card).find((n) => typeof n.type === 'string' && n.type.startsWith('Chart.'))!;
    expect(chart.type).toBe('Chart.HorizontalBar');
    expect(chart.title).toBe('How many of your team of 5');
    expect(chart.data).toEqual([
      { x: 'Attended a session this week', y: 0 },
      { x: 'Questionnaires all answered', y: 4 },
      { x: 'No gap task overdue', y: 5 },
    ]);
    // The fact above the chart names what it counts, in the same words as Slack's.
    const facts = walk(card).filter((n) => n.type === 'FactSet').flatMap((f) => f.facts as { title: string; value: string }[]);
    expect(facts).toContainEqual({ title: 'Sessions attended', value: '0' });
  });

  it('picture (Slack PNG, report SVG) and alt text say "0 of 5", and never print the whole on its own', () => {
    const chart = teamParticipationChart(quietWeek())!;
    expect(chartFiguresText(chart)).toBe('How many of your team of 5: Attended a session this week 0 of 5, Questionnaires all answered 4 of 5, No gap task overdue 5 of 5');
    const svg = chartSvg(chart);
    expect(svg).toContain('>0 of 5<');
    expect(svg).toContain('>4 of 5<');
    // No bare "5" printed inside a bar as if 5 people had attended.
    expect(svg).not.toMatch(/>5</);
    const slack = renderBlockKitMessage({ ...quietWeek(), chartImages: { 'team-participation': 'https://x.example/c.png' } });
    const image = slack.blocks.find((b) => b.type === 'image') as { alt_text: string } | undefined;
    expect(image?.alt_text).toBe(chartFiguresText(chart));
  });
});
