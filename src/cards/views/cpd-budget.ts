/** The CPD lead's `budget`: committed vs spent per school (and the trust) for one academic year. */
export interface CpdBudgetView {
  kind: 'cpd-budget';
  year: string;
  rows: { name: string; budgetText: string; committedText: string; spentText: string; leftText: string; overBudget: boolean; coverHalfDays: number }[];
  byPurpose: { label: string; value: string }[];
  byPathway: { label: string; value: string }[];
  costPerAttendeeText: string;
  costPerImpactReportText: string;
}
