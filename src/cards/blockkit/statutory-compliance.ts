import { NEVER_RECORDED_TITLE, schoolComplianceLine } from '../wording/statutory-compliance';
import type { StatutoryComplianceRow, StatutoryComplianceView } from '../views/statutory-compliance';
import type { KnownBlock } from '@slack/types';
import { context, header, notice, section } from './blocks';
import { escapeMrkdwn } from './limits';

function list(title: string, rows: StatutoryComplianceRow[]): KnownBlock[] {
  if (rows.length === 0) return [];
  // One section per person keeps each within Slack's 3,000-character limit however long the list.
  return [section(`*${title}*`), ...rows.map((r) => section(`${escapeMrkdwn(r.name)}: ${escapeMrkdwn(r.topic)}. ${escapeMrkdwn(r.expiresText)}`))];
}

export function statutoryComplianceBlocks(view: StatutoryComplianceView): KnownBlock[] {
  const warnings = (view.warnings ?? []).map((w) => notice({ tone: 'attention', text: w }));
  if (view.schools.length === 0) return [header('Statutory training'), ...warnings, section(escapeMrkdwn(view.emptyText))];
  return [
    header('Statutory training'),
    ...warnings,
    ...view.schools.flatMap((s) => [
      section(`*${escapeMrkdwn(s.name)}*`),
      context(schoolComplianceLine(s, view.dueWithinWeeks)),
      ...list('Out of date', s.lapsed),
      ...list('Due to renew', s.due),
      ...list(NEVER_RECORDED_TITLE, s.never),
    ]),
  ];
}
