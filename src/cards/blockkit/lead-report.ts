import type { LeadReportView } from '../views/lead-report';
import type { KnownBlock } from '@slack/types';
import { undeliveredBlocks } from './setup';
import { actions, button, context, divider, fields, header, linkButton, section, sessionText } from './blocks';
import { escapeMrkdwn } from './limits';
import { ratingChart, responseRateGauge } from '../charts/report-charts';
import { chartImage } from './chart-image';

function bar(distribution: LeadReportView['ratings'][number]['distribution']): string {
  return distribution.map((n, i) => `${i + 1}: ${n}`).join('  ');
}

export function leadReportBlocks(view: LeadReportView): KnownBlock[] {
  const rate = view.responseRate === undefined ? '–' : `${Math.round(view.responseRate * 100)}%`;
  const blocks: KnownBlock[] = [
    header(`Session report: ${view.session.title}`),
    section(sessionText(view.session)),
    fields([
      { label: 'Invited', value: String(view.invited) },
      { label: 'Accepted', value: String(view.accepted) },
      { label: 'Attended', value: String(view.attended) },
      { label: 'Responses', value: `${view.responses} (${rate})` },
      { label: 'Asking for further CPD', value: String(view.furtherCpdRequests) },
    ]),
  ];
  const gauge = chartImage(responseRateGauge('response-rate', 'Response rate', view.responseRate), view.chartImages);
  if (gauge) blocks.push(gauge);
  if (view.levels?.length) {
    const lines = view.levels.map((l) => `${escapeMrkdwn(l.level)}: ${l.answered} of ${l.asked} answered${l.result ? `: ${escapeMrkdwn(l.result)}` : ''}`);
    blocks.push(section(`*Evaluation by level*\n${lines.join('\n')}`));
    if (view.levels.some((l) => l.level.startsWith('4.'))) blocks.push(actions([button('Longer-term impact', { verb: 'impact.long.open', sessionId: view.session.sessionId })]));
  }
  const fullReport = view.fullReportUrl ? actions([linkButton('View full report', view.fullReportUrl, 'report.full')], 'report:full') : undefined;
  blocks.push(...undeliveredBlocks(view.undelivered));
  if (view.withheld) return [...blocks, section(`_${escapeMrkdwn(view.withheld)}_`), ...(fullReport ? [fullReport] : [])];
  view.ratings.forEach((r, i) => {
    const mean = r.mean === undefined ? '–' : r.mean.toFixed(1);
    blocks.push(section(`*${escapeMrkdwn(r.prompt)}*\nMean ${mean} of 5 from ${r.count} · ${bar(r.distribution)}`));
    const picture = chartImage(ratingChart(r, i), view.chartImages);
    if (picture) blocks.push(picture);
  });
  if (view.commentThemes.length > 0) {
    blocks.push(divider, section('*Comment themes*'));
    for (const theme of view.commentThemes) {
      const quotes = theme.examples.map((e) => `> ${escapeMrkdwn(e)}`).join('\n');
      blocks.push(section(`*${escapeMrkdwn(theme.theme)}* (${theme.count})${quotes ? `\n${quotes}` : ''}`));
    }
  }
  if (fullReport) blocks.push(fullReport);
  blocks.push(context('Figures from fewer answers than the minimum are withheld.'));
  return blocks;
}
