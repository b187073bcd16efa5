import type { MyRecordRow, MyRecordView } from '../views/my-record';

/** "1 hour", "12.5 hours". */
export function hoursText(hours: number): string {
  return `${hours} hour${hours === 1 ? '' : 's'}`;
}

/** The heading above each academic year's rows: "2026-27: 14.5 hours, 6 entries". */
export function yearHeading(view: Pick<MyRecordView, 'years'>, year: string): string {
  const y = view.years?.find((v) => v.year === year);
  return y ? `${year}: ${hoursText(y.hours)}, ${y.entries} ${y.entries === 1 ? 'entry' : 'entries'}` : year;
}

/** Rows in order, cut where the academic year changes (rows without a year stay in one group). */
export function rowsByYear(rows: readonly MyRecordRow[]): { year: string | undefined; rows: MyRecordRow[] }[] {
  const groups: { year: string | undefined; rows: MyRecordRow[] }[] = [];
  for (const row of rows) {
    const last = groups.at(-1);
    if (last && last.year === row.year) last.rows.push(row);
    else groups.push({ year: row.year, rows: [row] });
  }
  return groups;
}

/** "Your support: subject mentor Sam Patel; induction tutor Rachel Green." (issue 30) */
export function supportersText(view: Pick<MyRecordView, 'supporters'>): string {
  return `Your support: ${(view.supporters ?? []).map((s) => `${s.roleLabel} ${s.name}`).join('; ')}.`;
}
