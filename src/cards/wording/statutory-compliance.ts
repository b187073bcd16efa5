import type { StatutoryComplianceView } from '../views/statutory-compliance';

/** "3 lapsed, 2 due within 4 weeks, 5 never recorded, 40 up to date": one line per school on both platforms. */
export function schoolComplianceLine(s: StatutoryComplianceView['schools'][number], weeks: number): string {
  const never = s.never.length > 0 ? `, ${s.never.length} never recorded` : '';
  return `${s.lapsed.length} lapsed, ${s.due.length} due within ${weeks} weeks${never}, ${s.current} up to date`;
}

/** The heading of the rows with a required topic and no training recorded. */
export const NEVER_RECORDED_TITLE = 'Due: never recorded';
