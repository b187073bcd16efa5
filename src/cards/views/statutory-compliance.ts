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
  schools: { name: string; lapsed: StatutoryComplianceRow[]; due: StatutoryComplianceRow[]; current: number }[];
  emptyText: string;
}
