import { stringify } from 'csv-stringify/sync';
import type { GovernorsReportView } from '../app/records';
import { CSV_OPTIONS } from './csv-stream';

/** The governors' report as one flat table (section, group, measure, value, and whose: the trust or a school): no names by construction. */
export function governorsReportCsv(view: GovernorsReportView): string {
  const rows = view.sections.flatMap((s) => s.rows.map((r) => [view.term, s.title, r.group, r.measure, r.value, view.school ?? 'Whole trust']));
  return stringify(rows, { ...CSV_OPTIONS, header: true, columns: ['term', 'section', 'group', 'measure', 'value', 'school'] });
}
