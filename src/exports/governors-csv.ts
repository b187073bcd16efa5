import { stringify } from 'csv-stringify/sync';
import type { GovernorsReportView } from '../app/records';

/** The governors' report as one flat table (section, group, measure, value): no names by construction. */
export function governorsReportCsv(view: GovernorsReportView): string {
  const rows = view.sections.flatMap((s) => s.rows.map((r) => [view.term, s.title, r.group, r.measure, r.value]));
  return stringify(rows, { header: true, columns: ['term', 'section', 'group', 'measure', 'value'] });
}
