/** One person's statutory training that has lapsed or lapses soon, as the CPD lead sees it. */
export interface StatutoryComplianceRow {
  name: string;
  topic: string;
  /** e.g. "Lapsed Friday 15 January 2027" or "Lapses Friday 15 January 2027". */
  expiresText: string;
}

/** `statutory`: for the CPD lead, who is out of date or due to renew, school by school. */
export interface StatutoryComplianceView {
  kind: 'statutory-compliance';
  /** How far ahead "due" looks (the tenant's reminder weeks). */
  dueWithinWeeks: number;
  /** `never`: a required topic (settings, statutory-topics) with no training recorded: due now (issue 26 item 2). */
  schools: { name: string; lapsed: StatutoryComplianceRow[]; due: StatutoryComplianceRow[]; never: StatutoryComplianceRow[]; current: number }[];
  emptyText: string;
  /** What the lead should fix for the list to be whole (a group with nobody in it, no records imported yet). */
  warnings?: string[];
}
