import { countOf } from '../format';
import type { LeadReportView, RatingSummary } from '../views/lead-report';
import type { CardContent } from './card-content';
import { undeliveredElements } from './setup';
import { ratingChart, responseRateGauge } from '../charts/report-charts';
import { chartElement } from './chart-element';
import { actionSet, compact, execute, facts, heading, noticeBox, openUrl, subheading, subtle, text, type AdaptiveElement, escapeMarkdown, markdown } from './elements';
import { sessionFacts } from './session-block';

function percent(rate: number): string {
  return `${Math.round(rate * 100)}%`;
}

function ratingLine(r: RatingSummary, index: number): AdaptiveElement[] {
  const mean = r.mean !== undefined ? `${r.mean.toFixed(1)} / 5` : 'no answers';
  // 1..5 counts read left to right, short enough for a phone.
  const spread = r.distribution.map((count, i) => `${i + 1}: ${count}`).join('  ');
  // Teams draws the spread as bars; older clients show today's line instead.
  return [markdown(`${escapeMarkdown(r.prompt)}: **${mean}** (${r.count})`, { spacing: 'Small' }), chartElement(ratingChart(r, index), subtle(spread))];
}

export function leadReportCard(view: LeadReportView): CardContent {
  return {
    body: compact([
      heading(`Report: ${view.session.title}`),
      sessionFacts({ ...view.session, rsvp: undefined }),
      facts(
        compact([
          { label: 'Invited', value: String(view.invited) },
          { label: 'Accepted', value: String(view.accepted) },
          { label: 'Attended', value: String(view.attended) },
          {
            label: 'Responses',
            value: view.responseRate !== undefined ? `${view.responses} (${percent(view.responseRate)})` : String(view.responses),
          },
          { label: 'Want more CPD', value: String(view.furtherCpdRequests) },
        ]),
      ),
      // The rate is in the facts above, so a client without charts drops the gauge.
      view.responseRate !== undefined && chartElement(responseRateGauge('response-rate', 'Response rate', view.responseRate)!, 'drop'),
      view.withheld && noticeBox({ tone: 'info', text: view.withheld }),
      (view.levels?.length ?? 0) > 0 && subheading('Evaluation by level'),
      (view.levels?.length ?? 0) > 0 && facts((view.levels ?? []).map((l) => ({ label: l.level, value: `${l.answered} of ${l.asked} answered${l.result ? `: ${l.result}` : ''}` }))),
      view.ratings.length > 0 && subheading('Ratings'),
      ...view.ratings.flatMap(ratingLine),
      view.commentThemes.length > 0 && subheading('What people said'),
      ...view.commentThemes.flatMap((t) => [
        text(`${t.theme} (${t.count})`, { weight: 'Bolder', spacing: 'Small' }),
        ...t.examples.map((e) => text(`“${e}”`, { isSubtle: true, spacing: 'None' })),
      ]),
      ...undeliveredElements(view.undelivered),
      view.fullReportUrl && actionSet([openUrl('View full report', view.fullReportUrl)]),
    ]),
    // Gap-task part 4 starts here: the senior leader opens the form from the lead's report.
    ...(view.levels?.some((l) => l.level.startsWith('4.')) ? { actions: [execute('Longer-term impact', 'impact.long.open', { sessionId: view.session.sessionId })] } : {}),
    summary: `Report for ${view.session.title}: ${countOf(view.responses, 'response')}.`,
  };
}
