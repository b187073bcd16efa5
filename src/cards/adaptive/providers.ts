import { providerCostText, providerFiguresText } from '../wording/providers';
import type { ProviderReportView, ProviderSummaryView } from '../views/providers';
import type { CardContent } from './card-content';
import { compact, facts, heading, subheading, subtle, text } from './elements';

export function providerReportCard(view: ProviderReportView): CardContent {
  return {
    body: compact([
      heading('CPD by provider'),
      subtle(`${view.periodText}. No names.`),
      ...(view.rows.length === 0 ? [text('No sessions have been held this school year yet.')] : []),
      ...view.rows.flatMap((r) => [subheading(r.provider), text(providerFiguresText(r), { spacing: 'None' }), subtle(providerCostText(r))]),
      ...view.notes.map((n) => subtle(n)),
      ...view.moreCommands.map((c) => subtle(`Type "${c.command}": ${c.text}.`)),
    ]),
    summary: `CPD by provider, ${view.periodText}: ${view.rows.length} providers.`,
  };
}

export function providerSummaryCard(view: ProviderSummaryView): CardContent {
  return {
    body: compact([
      heading(`Feedback for ${view.provider}`),
      subtle(`${view.periodText}. To send on to the provider: no names, no comment quoted, small groups withheld.`),
      facts([
        { label: 'Sessions', value: String(view.sessions.length) },
        { label: 'Attended', value: String(view.attended) },
        { label: 'Feedback answers', value: String(view.responses) },
        ...(view.impactReports !== undefined ? [{ label: 'Reporting impact', value: String(view.impactReports) }] : []),
      ]),
      view.withheld !== undefined && text(`Ratings and comments: ${view.withheld}.`),
      !!view.ratings?.length && subheading('Ratings (1 to 5)'),
      !!view.ratings?.length && facts(view.ratings.map((r) => ({ label: r.prompt, value: `${r.mean.toFixed(1)} (${r.count})` }))),
      !!view.themes?.length && subheading('What comments mentioned'),
      ...(view.themes ?? []).map((t) => text(`${t.theme} (${t.count})`, { spacing: 'None' })),
      subheading('To forward'),
      text(view.forwardText, { fontType: 'Monospace', spacing: 'Small' }),
    ]),
    summary: `Feedback for ${view.provider}, ${view.periodText}`,
  };
}
