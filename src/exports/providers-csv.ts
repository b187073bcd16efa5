import { stringify } from 'csv-stringify/sync';
import type { ProviderReportView, ProviderSummaryView } from '../app/reports';
import { CSV_OPTIONS } from './csv-stream';

const pounds = (pence: number | undefined) => (pence === undefined ? '' : (pence / 100).toFixed(2));

/** The providers report as a table, one row per provider (issue 26 item 7): figures only, no person named. */
export function providersCsv(view: ProviderReportView): string {
  const rows = view.rows.map((r) => [
    r.provider,
    r.kindText,
    r.sessions,
    r.attended,
    r.responses,
    r.withheld !== undefined ? 'withheld' : (r.ratings ?? []).map((x) => `${x.questionId} ${x.mean !== undefined ? x.mean.toFixed(2) : ''}`.trim()).join('; '),
    r.impactReports,
    pounds(r.costPence),
    pounds(r.costPerAttendeePence),
    pounds(r.costPerImpactPence),
    r.uncostedHours ?? '',
  ]);
  const columns = ['provider', 'kind', 'sessions', 'attended', 'responses', 'ratings', 'impact_reports', 'cost_gbp', 'cost_per_attendee_gbp', 'cost_per_impact_report_gbp', 'facilitator_hours_not_costed'];
  return stringify(rows, { ...CSV_OPTIONS, header: true, columns });
}

/** One provider's feedback summary as a flat table (measure, value), to send on: what the card shows, nothing more. */
export function providerSummaryCsv(view: ProviderSummaryView): string {
  const rows: (string | number)[][] = [
    ['provider', view.provider],
    ['period', view.periodText],
    ['sessions', view.sessions.length],
    ['attended', view.attended],
    ['feedback_answers', view.responses],
    ...(view.impactReports !== undefined ? [['reporting_impact', view.impactReports]] : []),
    ...(view.withheld !== undefined ? [['ratings_and_comments', `withheld: ${view.withheld}`]] : []),
    ...(view.ratings ?? []).map((r) => [`rating: ${r.prompt}`, `${r.mean.toFixed(2)} (${r.count} answers)`]),
    ...(view.themes ?? []).map((t) => [`comment theme: ${t.theme}`, t.count]),
  ];
  return stringify(rows, { ...CSV_OPTIONS, header: true, columns: ['measure', 'value'] });
}
