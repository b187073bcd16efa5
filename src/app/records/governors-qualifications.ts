import type { Qualification, QualificationKind } from '../../domain';
import type { GovernorsReportRow } from '../../cards/views/governors-report';

const KIND_NAMES: Record<QualificationKind, string> = {
  npqml: 'NPQ Middle Leadership',
  npqsl: 'NPQ Senior Leadership',
  npqh: 'NPQ Headship',
  npqltd: 'NPQ Leading Teacher Development',
  npqlt: 'NPQ Leading Teaching',
  npqlbc: 'NPQ Leading Behaviour and Culture',
  npqeyl: 'NPQ Early Years Leadership',
  npqel: 'NPQ Executive Leadership',
  hlta: 'HLTA',
  degree: 'Degree',
  other: 'Other qualifications',
};

/**
 * Qualifications started and gained in the period (seed 002 asks for both), by kind and in all, of
 * the slice's staff. Counts only. A measure is shown by kind only when no kind's count is under the
 * minimum: otherwise "in all" less the kinds shown would give the small one.
 */
export function qualificationRows(qualifications: readonly Qualification[], fromDay: string, toDay: string, min: number, withheld: string): GovernorsReportRow[] {
  const inPeriod = (day: string | undefined) => day !== undefined && fromDay <= day && day < toDay;
  const started = qualifications.filter((q) => inPeriod(q.startedOn));
  const gained = qualifications.filter((q) => inPeriod(q.awardedOn));
  if (started.length === 0 && gained.length === 0) return [];
  const kinds = [...new Set([...started, ...gained].map((q) => q.kind))].sort((a, b) => KIND_NAMES[a].localeCompare(KIND_NAMES[b]));
  const count = (list: readonly Qualification[], kind: QualificationKind) => list.filter((q) => q.kind === kind).length;
  const showable = (list: readonly Qualification[]) => kinds.every((k) => count(list, k) === 0 || count(list, k) >= min);
  const value = (n: number, list: readonly Qualification[]) => (n === 0 ? '0' : n < min || !showable(list) ? withheld : String(n));
  return [
    { group: 'All qualifications', measure: 'Started', value: started.length > 0 && started.length < min ? withheld : String(started.length), counts: [started.length] },
    { group: 'All qualifications', measure: 'Gained', value: gained.length > 0 && gained.length < min ? withheld : String(gained.length), counts: [gained.length] },
    ...(kinds.length > 1
      ? kinds.flatMap((k) => [
          { group: KIND_NAMES[k], measure: 'Started', value: value(count(started, k), started), counts: [count(started, k)] },
          { group: KIND_NAMES[k], measure: 'Gained', value: value(count(gained, k), gained), counts: [count(gained, k)] },
        ])
      : []),
  ];
}
