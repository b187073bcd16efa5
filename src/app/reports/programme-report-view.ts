import type { LeadReportView, RatingSummary } from '../../cards/views/lead-report';

/** The CPD lead's programme summary: the year at a glance (issue 6, lead reports "per programme"). */
export interface ProgrammeReportView {
  kind: 'programme-report';
  /** e.g. "1 September 2026 – 31 August 2027" */
  periodText: string;
  months: { month: string; label: string; sessions: number; attended: number; responses: number }[];
  byCategory: { category: string; sessions: number; attended: number }[];
  totals: { sessions: number; cancelled: number; attended: number; responses: number; responseRate?: number };
  ratings: RatingSummary[];
  gapTasks: { total: number; planned: number; reported: number; overdue: number; completionRate?: number };
  recurringBarriers: { theme: string; count: number; examples: string[] }[];
  /** Evaluation by level over the period (docs/evaluation.md), as on `report <session>`. */
  levels?: LeadReportView['levels'];
}
