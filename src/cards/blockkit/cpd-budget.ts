import { countOf } from '../format';
import type { CpdBudgetView } from '../views/cpd-budget';
import type { KnownBlock } from '@slack/types';
import { context, fields, header, section } from './blocks';
import { escapeMrkdwn } from './limits';

export function cpdBudgetBlocks(view: CpdBudgetView): KnownBlock[] {
  const blocks: KnownBlock[] = [header(`CPD budget ${view.year}`), context('Committed: approved, not yet booked. Spent: booked, at the actual cost.')];
  if (view.rows.length === 0) blocks.push(section('No budgets or requests for this year yet. Set one with `budget set <school> <amount>`.'));
  for (const r of view.rows) {
    blocks.push(
      section(`*${escapeMrkdwn(r.name)}*${r.overBudget ? ' :warning: over budget' : ''}`),
      fields([
        { label: 'Budget', value: r.budgetText },
        { label: 'Committed', value: r.committedText },
        { label: 'Spent', value: r.spentText },
        { label: 'Left', value: r.leftText },
        { label: 'Cover used', value: `${countOf(r.coverHalfDays, 'half-day')}${r.coverCostText ? ` (${r.coverCostText})` : ''}` },
      ]),
    );
  }
  if (view.coverNote) blocks.push(context(view.coverNote));
  if (view.byPurpose.length > 0) blocks.push(section('*By what it serves*'), fields(view.byPurpose));
  if (view.byPathway.length > 0) blocks.push(section('*By pathway*'), fields(view.byPathway));
  blocks.push(section(`*Value for money*\n${escapeMrkdwn(view.costPerAttendeeText)}\n${escapeMrkdwn(view.costPerImpactReportText)}`));
  return blocks;
}
