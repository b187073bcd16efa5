import { budgetPosition, costPence, coverCostPence, formatPence, type CpdBudget, type CpdRequest } from '../../domain';
import type { GovernorsReportRow } from '../../cards/views/governors-report';

/** Booked and after: a course the budget paid for (the budget's "spent"). */
const FUNDED = new Set<CpdRequest['status']>(['booked', 'attended', 'evaluated', 'not-attended']);

export interface GovernorsMoneyInput {
  /** The academic year the period falls in, e.g. "2026-27": budgets are set per year. */
  academicYear: string;
  /** The slice's budgets for that year: one school's, or every budget of the trust. */
  budgets: readonly CpdBudget[];
  /** The slice's requests whose course starts in that academic year (1 September to 31 August, as budgets count). */
  requests: readonly CpdRequest[];
  /** The report's days [from, to) (YYYY-MM-DD): courses funded are counted by their start in the period. */
  fromDay: string;
  toDay: string;
  isYear: boolean;
  /** The trust's cost of a half-day of supply cover (the `supply-cover-half-day` setting); absent: cover is not costed. */
  coverRatePence?: number | undefined;
}

/** Written where the cover cost would be when no rate is set: governors see that cover is left out, not £0. */
export const COVER_NOT_COSTED_VALUE = 'Not costed (no supply cover rate set)';

/**
 * Spending against budget (seed 002's termly report to the LGB, seed 004's annual report): the
 * year's budget, committed, spent and left, and the cover used (in pounds too at the trust's rate). Money is the school's account, shown whole; the number
 * of courses is a count of people, withheld under the minimum, and so is the average cost per course.
 */
export function moneyRows(input: GovernorsMoneyInput, people: (n: number) => string): { spending: GovernorsReportRow[]; courses: GovernorsReportRow[] } {
  const amount = input.budgets.reduce((sum, b) => sum + b.amountPence, 0);
  const position = budgetPosition(amount, input.requests);
  const group = `Budget ${input.academicYear}`;
  const coverCost = coverCostPence(position.coverHalfDays, input.coverRatePence);
  const spending: GovernorsReportRow[] =
    input.budgets.length === 0 && input.requests.length === 0
      ? []
      : [
          { group, measure: 'Budget', value: input.budgets.length > 0 ? formatPence(amount) : 'Not set' },
          { group, measure: 'Committed (approved, not yet booked)', value: formatPence(position.committedPence) },
          { group, measure: 'Spent (booked courses)', value: formatPence(position.spentPence) },
          ...(input.budgets.length > 0 ? [{ group, measure: 'Left', value: formatPence(position.leftPence) }] : []),
          { group, measure: 'Cover used (half days)', value: String(position.coverHalfDays) },
          // Money, shown whole like the rest (decision 60); beside the budget, not taken from it.
          { group, measure: 'Cover cost', value: coverCost === undefined ? COVER_NOT_COSTED_VALUE : formatPence(coverCost) },
        ];
  // A year counts its budget year's courses (as the budget does); a term, those starting in it.
  const funded = input.requests.filter((r) => FUNDED.has(r.status) && (input.isYear || (input.fromDay <= r.details.startDate && r.details.startDate < input.toDay)));
  const cost = funded.reduce((sum, r) => sum + costPence(r), 0);
  const when = input.isYear ? 'this year' : 'this term';
  const courses: GovernorsReportRow[] =
    funded.length === 0
      ? []
      : [
          { group: 'External courses', measure: `Courses booked ${when}`, value: people(funded.length), counts: [funded.length] },
          { group: 'External courses', measure: `Cost of courses booked ${when}`, value: formatPence(cost) },
          ...(people(funded.length) === String(funded.length) ? [{ group: 'External courses', measure: 'Average cost per course', value: formatPence(Math.round(cost / funded.length)) }] : []),
        ];
  return { spending, courses };
}
