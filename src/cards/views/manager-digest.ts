export interface DigestReportRow {
  staffId: string;
  name: string;
  attendedThisWeek: string[];
  questionnairesOutstanding: number;
  gapTasksOutstanding: number;
  gapTasksOverdue: number;
  /** Quotes from impact reports the person chose to share. */
  impactNotes: string[];
  /** Their year-ahead review, when they shared it with this manager this week (the whole of it: `team reviews`). */
  yearAhead?: string;
}

export interface ManagerDigestView {
  kind: 'manager-digest';
  managerName: string;
  weekText: string;
  reports: DigestReportRow[];
  totals: { attended: number; questionnairesOutstanding: number; gapTasksOutstanding: number; gapTasksOverdue: number };
  /** Team reaction averages, or the reason they are withheld (fewer answers than the minimum). */
  reactionSummary: { text: string } | { withheld: string };
  /** Slack only: chart id → signed PNG link (Block Kit has no chart element). */
  chartImages?: Record<string, string>;
}
