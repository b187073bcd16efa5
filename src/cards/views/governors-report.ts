/** One line of a governors' report: a figure, or why it is withheld (a group under the tenant's minimum). */
export interface GovernorsReportRow {
  group: string;
  measure: string;
  value: string;
  /**
   * The loader's, never shown: the people behind the figure (and its complement), and rows kept only
   * for the check across schools (load-governors-report.ts removes both before the view leaves it).
   */
  counts?: readonly number[];
  hidden?: boolean;
}

/** Termly report to governors and trustees: counts only, no names, every small group withheld. */
export interface GovernorsReportView {
  kind: 'governors-report';
  /** e.g. "autumn-2026", or a school year "2026-27". */
  term: string;
  /** One school's report (issue 26 item 3): its name; absent, the whole trust. */
  school?: string;
  /** What a school's figures cover (its staff; its own sessions for evaluation). */
  scope?: string;
  /** e.g. "1 September 2026 – 31 December 2026". */
  periodText: string;
  minGroup: number;
  sections: { title: string; rows: GovernorsReportRow[] }[];
}
