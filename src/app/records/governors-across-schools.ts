import type { GovernorsReportRow, GovernorsReportView } from '../../cards/views/governors-report';
import { withholdWithinReport } from './governors-within-report';

/** A figure derived from another of its group's, withheld wherever that one is ("4.5 of 5" from answers withheld). */
const DEPENDS_ON: readonly [RegExp, RegExp][] = [
  [/^Result$|\(mean of 5\)$/, /^Answered$/],
  [/^Answered$/, /^Asked$/],
  [/^Average cost per course$/, /^Courses booked/],
  [/^CPD hours/, /^Took part in CPD$/],
  [/^Took part in CPD$/, /^Staff$/],
  [/^Up to date$/, /^Staff recorded$/],
];
/** A group that is the others' total: each of them is withheld wherever it is (the total less those shown would give it). */
const TOTAL_GROUPS: Readonly<Record<string, string>> = { 'Qualifications started and gained': 'All qualifications' };

type Part = { id: string; view: GovernorsReportView };

const rowsOf = (view: GovernorsReportView, title: string, group: string) => view.sections.find((s) => s.title === title)?.rows.filter((r) => r.group === group) ?? [];
const total = (counts: readonly number[] | undefined) => (counts ?? []).reduce((a, b) => a + b, 0);

/**
 * Which parts must withhold one figure so that the trust's figure less the figures shown never
 * leaves a small group: the parts withheld on their own (and where the figure it rests on is
 * withheld); then, while what they hold together is a small group in any of its counts (those who
 * did, those who did not), the smallest part still shown is withheld too (secondary suppression).
 */
function withheldParts(parts: readonly Part[], title: string, group: string, measure: string, min: number, withheld: string, parent: ReadonlySet<string>): Set<string> {
  const row = (p: Part) => rowsOf(p.view, title, group).find((r) => r.measure === measure);
  const out = new Set(parts.filter((p) => parent.has(p.id) || row(p)?.value === withheld).map((p) => p.id));
  const width = Math.max(0, ...parts.map((p) => row(p)?.counts?.length ?? 0));
  for (;;) {
    const held = parts.filter((p) => out.has(p.id));
    const small = Array.from({ length: width }, (_, c) => held.reduce((n, p) => n + (row(p)?.counts?.[c] ?? 0), 0)).some((n) => n > 0 && n < min);
    if (!small) return out;
    const next = parts
      .filter((p) => !out.has(p.id) && total(row(p)?.counts) > 0)
      .sort((a, b) => total(row(a)?.counts) - total(row(b)?.counts) || a.id.localeCompare(b.id))[0];
    if (!next) return out;
    out.add(next.id);
  }
}

/**
 * One school's report beside every other part (each school, and the rest: staff with no school,
 * leavers, trust-wide sessions, the central budget), which add up to the trust's report. Every
 * figure about people that another part withholds is checked across the parts, the same way in
 * every school's report, so no export less others shows a small group (docs/privacy.md,
 * "Differencing"). Figures with no count (sessions, money) are left as they are.
 */
export function withholdAcrossSchools(mine: Part, others: readonly Part[], min: number, withheld: string): GovernorsReportView {
  const parts = [mine, ...others];
  const decided = new Map<string, Set<string>>();
  const keyOf = (title: string, group: string, measure: string) => `${title}\u0000${group}\u0000${measure}`;
  const decide = (title: string, group: string, measure: string): Set<string> => {
    const key = keyOf(title, group, measure);
    const known = decided.get(key);
    if (known) return known;
    const parentPattern = DEPENDS_ON.find(([child]) => child.test(measure))?.[1];
    const parentMeasures = new Set(parts.flatMap((p) => rowsOf(p.view, title, group).filter((r) => parentPattern?.test(r.measure)).map((r) => r.measure)));
    const totalGroup = TOTAL_GROUPS[title];
    const parent = new Set([...[...parentMeasures].flatMap((m) => [...decide(title, group, m)]), ...(totalGroup && totalGroup !== group ? decide(title, totalGroup, measure) : [])]);
    const hasCounts = parts.some((p) => rowsOf(p.view, title, group).some((r) => r.measure === measure && r.counts !== undefined));
    // A figure with no counts and nothing it rests on (a section added without them) fails closed:
    // withheld in one part, withheld in all.
    const withheldSomewhere = parts.filter((p) => rowsOf(p.view, title, group).some((r) => r.measure === measure && r.value === withheld));
    const out = hasCounts ? withheldParts(parts, title, group, measure, min, withheld, parent) : parentPattern ? parent : new Set(withheldSomewhere.length > 0 ? parts.map((p) => p.id) : []);
    decided.set(key, out);
    return out;
  };
  const sections = mine.view.sections.map((s) => ({
    ...s,
    rows: s.rows.map((r): GovernorsReportRow => (r.value !== withheld && decide(s.title, r.group, r.measure).has(mine.id) ? { ...r, value: withheld } : r)),
  }));
  return { ...mine.view, sections };
}

const withheldCount = (view: GovernorsReportView, withheld: string) => view.sections.reduce((n, s) => n + s.rows.filter((r) => r.value === withheld).length, 0);

/**
 * The trust's figure withheld while every part shows its own would be their sum: the smallest part
 * that is not zero withholds it too (the check across parts then widens that as it needs).
 */
function withholdUnderTrust(trust: Part, parts: readonly Part[], withheld: string): Part[] {
  const out = parts.map((p) => ({ id: p.id, view: { ...p.view, sections: p.view.sections.map((s) => ({ ...s, rows: s.rows.map((r) => ({ ...r })) })) } }));
  for (const section of trust.view.sections) {
    for (const row of section.rows) {
      if (row.value !== withheld || row.counts === undefined) continue;
      const theirs = out.map((p) => p.view.sections.find((s) => s.title === section.title)?.rows.find((r) => r.group === row.group && r.measure === row.measure));
      if (theirs.some((r) => r?.value === withheld)) continue;
      const next = theirs.filter((r): r is GovernorsReportRow => r !== undefined && total(r.counts) > 0).sort((a, b) => total(a.counts) - total(b.counts))[0];
      if (next) next.value = withheld;
    }
  }
  return out;
}

/**
 * Every report the trust can export, withheld together so that none, alone or less another, shows a
 * small group: the trust's and each part's. Three rules, applied until none withholds anything
 * more: across the parts (withholdAcrossSchools), inside each report (the sections that split one
 * whole, governors-within-report.ts), and the trust's own withheld figures against the parts' sum.
 * Each rule only ever withholds, so this ends.
 */
export function withholdTogether(trust: Part, parts: readonly Part[], min: number, withheld: string): { trust: GovernorsReportView; parts: Map<string, GovernorsReportView> } {
  let views = { trust: withholdWithinReport(trust.view, min, withheld), parts: parts.map((p) => ({ id: p.id, view: withholdWithinReport(p.view, min, withheld) })) };
  for (;;) {
    const before = withheldCount(views.trust, withheld) + views.parts.reduce((n, p) => n + withheldCount(p.view, withheld), 0);
    const underTrust = withholdUnderTrust({ id: 'trust', view: views.trust }, views.parts, withheld);
    const across = underTrust.map((p) => ({ id: p.id, view: withholdWithinReport(withholdAcrossSchools(p, underTrust.filter((o) => o.id !== p.id), min, withheld), min, withheld) }));
    views = { trust: views.trust, parts: across };
    const after = withheldCount(views.trust, withheld) + views.parts.reduce((n, p) => n + withheldCount(p.view, withheld), 0);
    if (after === before) return { trust: views.trust, parts: new Map(views.parts.map((p) => [p.id, p.view])) };
  }
}

/** The view as it leaves the loader: no counts, no rows kept only for the check. */
export function withoutCounts(view: GovernorsReportView): GovernorsReportView {
  return { ...view, sections: view.sections.map((s) => ({ ...s, rows: s.rows.filter((r) => !r.hidden).map(({ group, measure, value }) => ({ group, measure, value })) })) };
}
