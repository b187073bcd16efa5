/** The CPD lead's `budget`: committed vs spent per school (and the trust) for one academic year. */
export interface CpdBudgetView {
  kind: 'cpd-budget';
  year: string;
  rows: { name: string; budgetText: string; committedText: string; spentText: string; leftText: string; overBudget: boolean; coverHalfDays: number; /** "£1,540 at £110 a half-day", when a cover rate is set. */ coverCostText?: string }[];
  /** Said once when no cover rate is set: cover is not costed, and where to set it. */
  coverNote?: string;
  byPurpose: { label: string; value: string }[];
  byPathway: { label: string; value: string }[];
  costPerAttendeeText: string;
  costPerImpactReportText: string;
}
