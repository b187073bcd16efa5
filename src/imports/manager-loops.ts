import type { RowError } from './import-result';

export interface ManagedRow {
  row: number;
  email: string;
  /** The line manager's e-mail the row gives, or undefined for none. */
  manager: string | undefined;
}

const rowsText = (rows: number[]) => (rows.length === 1 ? `row ${rows[0]}` : `rows ${rows.slice(0, -1).join(', ')} and ${rows.at(-1)}`);

/**
 * Rows whose person is in a loop of line managers once the file is applied (A manages B and B
 * manages A, or a longer ring, possibly through people already on the staff list): in a loop the
 * approval chain never leaves it, so two people could approve each other's requests with nobody
 * else involved. Each such row is refused, naming the loop and its rows.
 */
export function managerLoops(rows: readonly ManagedRow[], stored: ReadonlyMap<string, string | undefined>, heading: string): RowError[] {
  const managerOf = new Map(stored);
  for (const r of rows) managerOf.set(r.email, r.manager);
  const rowOf = new Map(rows.map((r) => [r.email, r.row]));
  const errors: RowError[] = [];
  const reported = new Set<string>();
  for (const r of rows) {
    if (reported.has(r.email)) continue;
    const path = [r.email];
    const seen = new Set(path);
    let next = managerOf.get(r.email);
    while (next !== undefined && !seen.has(next)) {
      path.push(next);
      seen.add(next);
      next = managerOf.get(next);
    }
    // Only a walk that comes back to where it started is this row's loop (others are found from their own rows).
    if (next !== r.email) continue;
    const inFile = path.filter((e) => rowOf.has(e)).map((e) => rowOf.get(e)!).sort((a, b) => a - b);
    const chain = [...path, r.email].join(' → ');
    for (const email of path) {
      if (!rowOf.has(email) || reported.has(email)) continue;
      reported.add(email);
      errors.push({ row: rowOf.get(email)!, reason: `${heading}: line managers go round in a loop (${chain}; ${rowsText(inFile)}): someone in it must report to someone outside it` });
    }
  }
  return errors.sort((a, b) => a.row - b.row);
}
