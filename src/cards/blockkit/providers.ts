import type { KnownBlock } from '@slack/types';
import { providerCostText, providerFiguresText } from '../wording/providers';
import type { ProviderReportView, ProviderSummaryView } from '../views/providers';
import { context, header, section } from './blocks';
import { SLACK_LIMITS, escapeMrkdwn } from './limits';

/** Slack allows 50 blocks in a message: the rows beyond that are left to the report page and the export. */
const MAX_PROVIDER_ROWS = 40;

export function providerReportBlocks(view: ProviderReportView): KnownBlock[] {
  const rows = view.rows.slice(0, MAX_PROVIDER_ROWS);
  return [
    header('CPD by provider'),
    context(`${escapeMrkdwn(view.periodText)}. No names.`),
    ...(view.rows.length === 0 ? [section('No sessions have been held this school year yet.')] : []),
    ...rows.map((r) => section(`*${escapeMrkdwn(r.provider)}*\n${escapeMrkdwn(providerFiguresText(r))}\n${escapeMrkdwn(providerCostText(r))}`)),
    ...(view.rows.length > rows.length ? [context(`${view.rows.length - rows.length} more on the report page and in \`export providers\`.`)] : []),
    context(view.notes.map(escapeMrkdwn).join('\n')),
    context(view.moreCommands.map((c) => `\`/cpd ${escapeMrkdwn(c.command)}\`: ${escapeMrkdwn(c.text)}`).join('\n')),
  ];
}

export function providerSummaryBlocks(view: ProviderSummaryView): KnownBlock[] {
  const figures = [`Sessions: ${view.sessions.length}`, `Attended: ${view.attended}`, `Feedback answers: ${view.responses}`, ...(view.impactReports !== undefined ? [`Reporting impact: ${view.impactReports}`] : [])];
  return [
    header(`Feedback for ${view.provider}`.slice(0, SLACK_LIMITS.headerText)),
    context(`${escapeMrkdwn(view.periodText)}. To send on to the provider: no names, no comment quoted, small groups withheld.`),
    section(figures.join(' · ')),
    ...(view.withheld !== undefined ? [section(`_Ratings and comments: ${escapeMrkdwn(view.withheld)}._`)] : []),
    ...(view.ratings?.length ? [section(`*Ratings (1 to 5)*\n${view.ratings.map((r) => `${escapeMrkdwn(r.prompt)}: ${r.mean.toFixed(1)} (${r.count})`).join('\n')}`)] : []),
    ...(view.themes?.length ? [section(`*What comments mentioned*\n${view.themes.map((t) => `${escapeMrkdwn(t.theme)} (${t.count})`).join('\n')}`)] : []),
    section(`*To forward*\n\`\`\`${view.forwardText.replace(/`/g, "'")}\`\`\``),
  ];
}
