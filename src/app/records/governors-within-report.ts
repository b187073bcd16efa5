import type { GovernorsReportView } from '../../cards/views/governors-report';

/**
 * Sections that split one whole the same way: every attendance is in one category, one kind and one
 * audience, so each section's figures add up to the same total. With that total known from any
 * section shown whole, a single figure withheld in another is the total less the rest.
 */
const PARTITIONS: readonly { title: string; measure: string }[] = [
  { title: 'Programme by category', measure: 'Attendances' },
  { title: 'Programme by kind', measure: 'Attendances' },
  { title: 'Programme by pathway (audience)', measure: 'Attendances' },
];

const countOf = (row: { counts?: readonly number[] }) => row.counts?.[0] ?? 0;

/**
 * Secondary suppression inside one report: in each section that splits a whole, the figures withheld
 * must together hold none or at least the minimum, so the whole less those shown never gives a small
 * group. While they do not, the smallest figure still shown is withheld too (as across schools,
 * governors-across-schools.ts). Rows without counts are left alone: they count no people.
 */
export function withholdWithinReport(view: GovernorsReportView, min: number, withheld: string): GovernorsReportView {
  const sections = view.sections.map((section) => {
    const partition = PARTITIONS.find((p) => p.title === section.title);
    if (!partition) return section;
    const rows = section.rows.map((r) => ({ ...r }));
    const split = rows.filter((r) => r.measure === partition.measure && r.counts !== undefined);
    for (;;) {
      const held = split.filter((r) => r.value === withheld).reduce((n, r) => n + countOf(r), 0);
      if (held === 0 || held >= min) break;
      const next = split.filter((r) => r.value !== withheld && countOf(r) > 0).sort((a, b) => countOf(a) - countOf(b) || a.group.localeCompare(b.group))[0];
      if (!next) break;
      next.value = withheld;
    }
    return { ...section, rows };
  });
  return { ...view, sections };
}
