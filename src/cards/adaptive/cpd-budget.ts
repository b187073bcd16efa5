import { countOf } from '../format';
import type { CpdBudgetView } from '../views/cpd-budget';
import type { CardContent } from './card-content';
import { compact, facts, heading, subheading, subtle, text } from './elements';

export function cpdBudgetCard(view: CpdBudgetView): CardContent {
  return {
    body: compact([
      heading(`CPD budget ${view.year}`),
      subtle('Committed: approved, not yet booked. Spent: booked, at the actual cost.'),
      ...(view.rows.length === 0 ? [text('No budgets or requests for this year yet. Set one with "budget set <school> <amount>".')] : []),
      ...view.rows.flatMap((r) => [
        subheading(`${r.name}${r.overBudget ? ' — over budget' : ''}`, r.overBudget ? { color: 'Attention' } : {}),
        facts([
          { label: 'Budget', value: r.budgetText },
          { label: 'Committed', value: r.committedText },
          { label: 'Spent', value: r.spentText },
          { label: 'Left', value: r.leftText },
          { label: 'Cover used', value: `${countOf(r.coverHalfDays, 'half-day')}${r.coverCostText ? ` (${r.coverCostText})` : ''}` },
        ]),
      ]),
      view.coverNote && subtle(view.coverNote),
      view.byPurpose.length > 0 && subheading('By what it serves'),
      view.byPurpose.length > 0 && facts(view.byPurpose),
      view.byPathway.length > 0 && subheading('By pathway'),
      view.byPathway.length > 0 && facts(view.byPathway),
      subheading('Value for money'),
      text(view.costPerAttendeeText),
      text(view.costPerImpactReportText),
    ]),
    summary: `CPD budget ${view.year}`,
  };
}
