import { CPD_LOG_EDIT } from '../wording/cpd-log-form';
import { hoursText, rowsByYear, supportersText, yearHeading } from '../wording/my-record';
import type { MyRecordView } from '../views/my-record';
import type { KnownBlock } from '@slack/types';
import { actions, button, context, divider, header, linkButton, rsvpButtons, section, sessionText } from './blocks';
import { escapeMrkdwn } from './limits';
import { openQuestionnaireBlocks } from './questionnaire-rows';

/** Upcoming sessions with RSVP, open gap tasks, and "Every Teacher a Learner" rows: the message and App Home share it. */
export function myRecordBlocks(view: MyRecordView, options: { maxRows?: number } = {}): KnownBlock[] {
  const blocks: KnownBlock[] = [header(`CPD record: ${view.name}`)];
  if (view.supporters?.length) blocks.push(context(escapeMrkdwn(supportersText(view))));
  blocks.push(section('*Upcoming sessions*'));
  if (view.upcoming.length === 0) blocks.push(context('No upcoming sessions.'));
  view.upcoming.forEach((s, i) => {
    blocks.push(section(sessionText(s)), actions(rsvpButtons(s, `up${i}`, 'my-record'), `session:${s.sessionId}`));
  });
  blocks.push(divider, section('*Open gap tasks*'));
  if (view.openTasks.length === 0) blocks.push(context('No open gap tasks.'));
  view.openTasks.forEach((t, i) => {
    const verb = t.stage === 'plan' ? 'gap.plan.open' : 'gap.report.open';
    const due = `${t.overdue ? ':exclamation: Overdue · ' : ''}${escapeMrkdwn(t.dueText)}`;
    blocks.push(section(`*${escapeMrkdwn(t.sessionTitle)}* (${t.stage})\n${due}`, button(t.stage === 'plan' ? 'Write plan' : 'Write report', { verb, gapTaskId: t.gapTaskId }, { suffix: `task${i}` })));
  });
  blocks.push(...openQuestionnaireBlocks(view.openQuestionnaires));
  blocks.push(divider, section('*My CPD record*'));
  const rows = view.rows.slice(-(options.maxRows ?? view.rows.length));
  if (rows.length === 0) blocks.push(context('Nothing recorded yet.'));
  // One section per row keeps each within the 3,000-character limit however long the impact text.
  for (const group of rowsByYear(rows)) {
    if (group.year) blocks.push(context(`*${escapeMrkdwn(yearHeading(view, group.year))}*`));
    for (const row of group.rows) {
      const impact = row.impact ? `\n_Impact:_ ${escapeMrkdwn(row.impact)}` : '';
      const hours = row.hours !== undefined ? ` · ${hoursText(row.hours)}` : '';
      const text = `*${escapeMrkdwn(row.month)}* · ${escapeMrkdwn(row.cpd)}${hours}${impact}`;
      const accessory = row.certificateUrl
        ? linkButton('Certificate', row.certificateUrl, `certificate:${row.sessionId ?? ''}`)
        : row.logId
          ? button(CPD_LOG_EDIT.rowButton, { verb: 'cpd.log.open', logId: row.logId }, { suffix: row.logId })
          : undefined;
      blocks.push(accessory ? section(text, accessory) : section(text));
    }
  }
  if (view.qualifications?.length) blocks.push(section(`*Qualifications*\n${view.qualifications.map((q) => `${escapeMrkdwn(q.title)}: ${escapeMrkdwn(q.datesText)}`).join('\n')}`));
  if (view.statutory?.length) {
    const lines = view.statutory.map((t) => `${t.lapsed ? ':exclamation: ' : ''}${escapeMrkdwn(t.topic)}: ${escapeMrkdwn(t.expiresText)}`);
    blocks.push(section(`*Statutory training*\n${lines.join('\n')}`));
  }
  blocks.push(actions([button('Refresh', { verb: 'refresh', from: 'my-record' }), button('Request CPD', { verb: 'request.form.open' }), ...(view.exportUrl ? [linkButton('Download my record (CSV)', view.exportUrl, 'record.download')] : []), ...(view.printUrl ? [linkButton('Printable record', view.printUrl, 'record.print')] : [])], 'record:refresh'));
  return blocks;
}
