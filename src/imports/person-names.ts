/**
 * Finding a line manager given by name ("Mrs R. Green", "Green, Rachel", "Rachel Green"):
 * titles, punctuation, case and "Surname, Forename" order do not matter. A name is accepted
 * only when it fits exactly one person, so a typo or two Sam Patels never pick the wrong one.
 */

const TITLES = new Set(['mr', 'mrs', 'ms', 'miss', 'mx', 'dr', 'prof', 'professor', 'sir', 'dame', 'rev', 'revd']);

function words(text: string): string[] {
  return text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z\s,'-]/g, ' ')
    .replace(/['-]/g, '')
    .split(/[\s,]+/)
    .filter((w) => w && !TITLES.has(w));
}

/** The forms a written name may take: "rachel green", and "green rachel" when written "Green, Rachel". */
export function nameKeys(name: string): string[] {
  const keys = [words(name).join(' ')];
  const comma = name.indexOf(',');
  if (comma > 0) keys.push(words(`${name.slice(comma + 1)} ${name.slice(0, comma)}`).join(' '));
  return keys.filter(Boolean);
}

/** A person someone may name, with every name they go by (preferred, legal, display). */
export interface NamedPerson {
  email: string;
  names: readonly string[];
}

export type NameMatch = { ok: true; email: string } | { ok: false; reason: 'none' } | { ok: false; reason: 'many'; emails: string[] };

/** Also accepts an initial for the first name ("R Green") when that still fits one person only. */
export function matchPersonByName(written: string, people: Iterable<NamedPerson>): NameMatch {
  const wanted = nameKeys(written);
  const exact = new Set<string>();
  const byInitial = new Set<string>();
  for (const person of people) {
    const keys = person.names.flatMap(nameKeys);
    if (keys.some((k) => wanted.includes(k))) exact.add(person.email);
    else if (keys.some((k) => wanted.some((w) => initialFits(w, k)))) byInitial.add(person.email);
  }
  const found = exact.size > 0 ? exact : byInitial;
  if (found.size === 1) return { ok: true, email: [...found][0]! };
  if (found.size === 0) return { ok: false, reason: 'none' };
  return { ok: false, reason: 'many', emails: [...found].sort() };
}

/** "r green" fits "rachel green": same surname, first letters agree. */
function initialFits(written: string, full: string): boolean {
  const w = written.split(' ');
  const f = full.split(' ');
  if (w.length < 2 || w.length !== f.length || w[w.length - 1] !== f[f.length - 1]) return false;
  return w.slice(0, -1).every((part, i) => part.length === 1 && f[i]!.startsWith(part));
}
