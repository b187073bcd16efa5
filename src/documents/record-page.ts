import type { MyRecordView } from '../cards/views/my-record';
import { hoursText, rowsByYear, yearHeading } from '../cards/wording/my-record';
import { escapeHtml } from './html-escape';

/**
 * The person's whole record as one printable page (certificate style, A4 portrait): CPD by
 * academic year with hours, qualifications and statutory training. Every value is escaped; the
 * page runs no script.
 */
export function renderRecordPage(view: MyRecordView, input: { schoolName: string; printedOn: string }): string {
  const e = escapeHtml;
  const years = rowsByYear(view.rows)
    .map(
      (g) => `<h2>${e(g.year ? yearHeading(view, g.year) : 'CPD')}</h2>
<table><thead><tr><th>Month</th><th>CPD</th><th>Hours</th><th>Impact / what I learned</th></tr></thead><tbody>
${g.rows.map((r) => `<tr><td>${e(r.month)}</td><td>${e(r.cpd)}</td><td>${r.hours !== undefined ? e(hoursText(r.hours)) : ''}</td><td>${e(r.impact ?? '')}</td></tr>`).join('\n')}
</tbody></table>`,
    )
    .join('\n');
  const qualifications = view.qualifications?.length
    ? `<h2>Qualifications</h2><ul>${view.qualifications.map((q) => `<li>${e(q.title)}: ${e(q.datesText)}</li>`).join('')}</ul>`
    : '';
  const statutory = view.statutory?.length
    ? `<h2>Statutory training</h2><ul>${view.statutory.map((t) => `<li${t.lapsed ? ' class="lapsed"' : ''}>${e(t.topic)}: ${e(t.expiresText)}</li>`).join('')}</ul>`
    : '';
  return `<!DOCTYPE html>
<html lang="en-GB">
<head>
<meta charset="utf-8">
<title>CPD record: ${e(view.name)}</title>
<style>
  @page { size: A4 portrait; margin: 15mm; }
  body { font-family: Georgia, 'Times New Roman', serif; color: #1b1b1b; margin: 0; }
  .record { border: 6px double #274060; padding: 30px 40px; }
  h1 { color: #274060; letter-spacing: 1px; margin: 0 0 4px; }
  h2 { color: #274060; font-size: 18px; margin: 24px 0 8px; border-bottom: 1px solid #274060; }
  table { width: 100%; border-collapse: collapse; font-size: 13px; }
  th, td { text-align: left; vertical-align: top; padding: 4px 6px; border-bottom: 1px solid #ddd; }
  .lapsed { color: #a4262c; font-weight: bold; }
  .meta { color: #555; font-size: 13px; }
</style>
</head>
<body>
<div class="record">
<h1>CPD record</h1>
<p class="name"><strong>${e(view.name)}</strong></p>
<p class="meta">${e(input.schoolName)} · printed ${e(input.printedOn)}</p>
${years || '<p>No CPD recorded yet.</p>'}
${qualifications}
${statutory}
</div>
</body>
</html>
`;
}
