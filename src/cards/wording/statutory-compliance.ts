import type { StatutoryComplianceView } from '../views/statutory-compliance';

/** "3 lapsed, 2 due within 4 weeks, 40 up to date": one line per school on both platforms. */
export function schoolComplianceLine(s: StatutoryComplianceView['schools'][number], weeks: number): string {
  return `${s.lapsed.length} lapsed, ${s.due.length} due within ${weeks} weeks, ${s.current} up to date`;
}
