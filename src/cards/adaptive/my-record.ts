import { CPD_LOG_EDIT } from '../wording/cpd-log-form';
import { countOf } from '../format';
import { hoursText, rowsByYear, supportersText, yearHeading } from '../wording/my-record';
import type { MyRecordView } from '../views/my-record';
import type { CardContent } from './card-content';
import { actionSet, compact, execute, heading, openUrl, subheading, subtle, text, type AdaptiveElement } from './elements';
import { sessionRow } from './session-row';
import { openQuestionnaireRows } from './questionnaire-rows';
import { taskRow } from './task-rows';

function recordRow(row: MyRecordView['rows'][number]): AdaptiveElement {
  return {
    type: 'Container',
    separator: true,
    items: compact([
      text(`${row.month}: ${row.cpd}${row.hours !== undefined ? `, ${hoursText(row.hours)}` : ''}`, { weight: 'Bolder' }),
      row.impact && text(`Impact: ${row.impact}`, { spacing: 'None', isSubtle: true }),
      row.certificateUrl && actionSet([openUrl('Certificate', row.certificateUrl)]),
      row.logId && actionSet([execute(CPD_LOG_EDIT.rowButton, 'cpd.log.open', { logId: row.logId })]),
    ]),
  };
}

/** "Every Teacher a Learner" (docs/policy-sources.md): month, CPD accessed, impact. */
export function myRecordCard(view: MyRecordView): CardContent {
  return {
    body: compact([
      heading('My CPD record'),
      subtle(view.name),
      (view.supporters?.length ?? 0) > 0 && text(supportersText(view), { spacing: 'None' }),
      ...(view.rows.length > 0
        ? rowsByYear(view.rows).flatMap((g) => [...(g.year ? [subheading(yearHeading(view, g.year))] : []), ...g.rows.map(recordRow)])
        : [text('No CPD recorded yet this year.')]),
      (view.qualifications?.length ?? 0) > 0 && subheading('Qualifications'),
      ...(view.qualifications ?? []).map((q) => text(`${q.title}: ${q.datesText}`, { spacing: 'None' })),
      (view.statutory?.length ?? 0) > 0 && subheading('Statutory training'),
      ...(view.statutory ?? []).map((t) => text(`${t.topic}: ${t.expiresText}`, { spacing: 'None', ...(t.lapsed ? { color: 'Attention' } : {}) })),
      view.upcoming.length > 0 && subheading('Coming up'),
      ...view.upcoming.map((s) => sessionRow(s, false)),
      view.openTasks.length > 0 && subheading('Open gap tasks'),
      ...view.openTasks.map(taskRow),
      ...openQuestionnaireRows(view.openQuestionnaires),
      view.exportUrl && actionSet(compact([openUrl('Download my record (CSV)', view.exportUrl), view.printUrl && openUrl('Printable record', view.printUrl)])),
    ]),
    // Asking for an external course starts from the record (docs/requests.md).
    actions: [execute('Request CPD', 'request.form.open', {})],
    summary: `CPD record for ${view.name}: ${countOf(view.rows.length, 'entry', 'entries')}, ${countOf(view.openTasks.length, 'open gap task')}.`,
  };
}
