import type { GovernorsReportView } from '../../cards/views/governors-report';

/** Figures that are not counts of people (sessions, money): nothing to isolate by subtraction. */
const NOT_ABOUT_PEOPLE = /^(Sessions held|Budget|Committed|Spent|Left|Cover used|Cost of courses)/;

/** A figure derived from another of its group's: withheld with it ("4.5 of 5" from answers withheld elsewhere). */
const DEPENDS_ON: readonly [RegExp, RegExp][] = [
  [/^Result$|\(mean of 5\)$/, /^Answered$/],
  [/^Average cost per course$/, /^Courses booked/],
  [/^CPD hours/, /^Took part in CPD$/],
  [/^Took part in CPD$/, /^Staff$/],
  [/^Up to date$/, /^Staff recorded$/],
];

const key = (section: string, group: string, measure: string) => `${section}\u0000${group}\u0000${measure}`;

/**
 * One school's report beside the others' (every school and the rest: staff with no school, leavers,
 * trust-wide sessions), which add up to the trust's. A school's figure is withheld when the same
 * figure is withheld in any other part: otherwise the trust's export less the schools' exports would
 * give the small group (docs/privacy.md, "Differencing"). Fails closed: a zero withheld elsewhere
 * withholds it too.
 */
export function withholdAcrossSchools(mine: GovernorsReportView, others: readonly GovernorsReportView[], withheld: string): GovernorsReportView {
  const elsewhere = new Set(others.flatMap((o) => o.sections.flatMap((s) => s.rows.filter((r) => r.value === withheld).map((r) => key(s.title, r.group, r.measure)))));
  const sections = mine.sections.map((s) => ({ ...s, rows: s.rows.map((r) => (!NOT_ABOUT_PEOPLE.test(r.measure) && elsewhere.has(key(s.title, r.group, r.measure)) ? { ...r, value: withheld } : r)) }));
  // Twice: a chain (hours ← took part ← staff) settles in two passes.
  for (let pass = 0; pass < 2; pass++) {
    for (const s of sections) {
      s.rows = s.rows.map((r) => {
        const parent = DEPENDS_ON.find(([child]) => child.test(r.measure))?.[1];
        if (!parent || r.value === withheld) return r;
        const gone = s.rows.some((p) => p.group === r.group && parent.test(p.measure) && p.value === withheld) || [...elsewhere].some((k) => k.startsWith(key(s.title, r.group, '')) && parent.test(k.split('\u0000')[2]!));
        return gone ? { ...r, value: withheld } : r;
      });
    }
  }
  return { ...mine, sections };
}
