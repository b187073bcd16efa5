import { matchPersonByName, type NamedPerson } from './person-names';

/** A roster cell naming someone: an e-mail, or a name the file or the staff list spells. */
export type PersonCell = { email: string } | { name: string };

/**
 * The e-mail of the person a cell names (a line manager, a mentor), or the problem to say beside
 * its heading: someone in neither the file nor the staff list, a name that fits several, or the
 * row's own person (`role` says what they cannot be to themselves).
 */
export function personOfCell(
  cell: PersonCell,
  people: ReadonlyMap<string, NamedPerson>,
  row: { heading: string; email: string; role: string },
): { ok: true; email: string } | { ok: false; message: string } {
  const { heading } = row;
  let email: string;
  if ('email' in cell) {
    if (!people.has(cell.email)) return { ok: false, message: `${heading}: ${cell.email} is not in the file or the staff list (give the e-mail of someone in either)` };
    email = cell.email;
  } else {
    const match = matchPersonByName(cell.name, people.values());
    if (!match.ok && match.reason === 'none') return { ok: false, message: `${heading}: nobody in the file or the staff list is called "${cell.name}" (give their e-mail, or the name as the file spells it)` };
    if (!match.ok) return { ok: false, message: `${heading}: "${cell.name}" fits more than one person (${match.emails.join(', ')}): give their e-mail instead` };
    email = match.email;
  }
  if (email === row.email) return { ok: false, message: `${heading}: a person cannot be their own ${row.role}` };
  return { ok: true, email };
}
