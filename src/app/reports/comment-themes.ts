/**
 * Groups free-text answers into themes by shared word stems: no external AI service, just a
 * stop-word list and light suffix stripping. Good enough to show a lead that six people
 * mentioned "time" and four "behaviour"; the examples let them read the words themselves.
 */

export interface CommentTheme {
  theme: string;
  count: number;
  examples: string[];
}

const STOP_WORDS = new Set(
  `a about above after again against all also am an and any are as at be because been before being below between both but by
  can could did do does doing done down during each few for from further had has have having he her here hers him his how i if in
  into is it its itself just me more most my myself no nor not now of off on once only or other our ours out over own really same she
  should so some such than that the their theirs them then there these they this those through to too under until up very was we
  were what when where which while who whom why will with would you your yours yes thanks thank please session sessions today
  lot lots much many get got bit quite would like think thought found find make made use used well good great really very also
  need needs needed want wanted more less time-wise im ive dont didnt doesnt cant wont its it's i'm i've don't`.split(/\s+/),
);

/** Light stemming: enough to make "marking", "marked" and "marks" meet, not a full Porter stemmer. */
export function stem(word: string): string {
  let w = word.toLowerCase().replace(/['’]s$/, '');
  const replaceIf = (pattern: RegExp, replacement: string): boolean => {
    if (!pattern.test(w)) return false;
    const next = w.replace(pattern, replacement);
    if (next.length < 3) return false;
    w = next;
    return true;
  };
  // Plurals first, then at most one derivational or verbal suffix.
  if (!replaceIf(/ies$/, 'y') && !replaceIf(/(ss)es$/, '$1')) replaceIf(/([^su])s$/, '$1');
  for (const [pattern, replacement] of SUFFIXES) if (replaceIf(pattern, replacement)) break;
  // "planning" → "plann" → "plan": undouble a final consonant left by -ing/-ed.
  return w.replace(/([b-df-hj-np-tv-z])\1$/, '$1');
}

const SUFFIXES: [RegExp, string][] = [
  [/ational$/, 'ate'],
  [/ment$/, ''],
  [/ness$/, ''],
  [/ingly$/, ''],
  [/edly$/, ''],
  [/ing$/, ''],
  [/ed$/, ''],
  [/ly$/, ''],
  [/er$/, ''],
  [/e$/, ''],
];

/** The distinct stems of a comment, with the first word form seen for each. */
export function keywords(text: string): Map<string, string> {
  const found = new Map<string, string>();
  for (const raw of text.toLowerCase().match(/[a-z][a-z'’-]*/g) ?? []) {
    const word = raw.replace(/['’-]+$/, '');
    if (word.length < 3 || STOP_WORDS.has(word)) continue;
    const s = stem(word);
    if (s.length < 3 || STOP_WORDS.has(s)) continue;
    if (!found.has(s)) found.set(s, word);
  }
  return found;
}

function excerpt(text: string, max = 140): string {
  const t = text.replace(/\s+/g, ' ').trim();
  return t.length <= max ? t : `${t.slice(0, max - 1).trimEnd()}…`;
}

/**
 * Greedy grouping: the stem shared by most remaining comments becomes a theme and takes those
 * comments; repeat while a stem is shared by at least `minShared` comments. The rest are "other".
 */
export function commentThemes(
  comments: readonly string[],
  options: { minShared?: number; maxThemes?: number; examples?: number } = {},
): CommentTheme[] {
  const minShared = options.minShared ?? 2;
  const maxThemes = options.maxThemes ?? 8;
  const exampleCount = options.examples ?? 3;
  const texts = comments.map((c) => c.trim()).filter((c) => c.length > 0);
  const stems = texts.map(keywords);
  let remaining = texts.map((_, i) => i);
  const themes: CommentTheme[] = [];

  while (themes.length < maxThemes && remaining.length > 0) {
    const counts = new Map<string, number>();
    const forms = new Map<string, Map<string, number>>();
    for (const i of remaining) {
      for (const [s, form] of stems[i]!) {
        counts.set(s, (counts.get(s) ?? 0) + 1);
        const f = forms.get(s) ?? new Map<string, number>();
        f.set(form, (f.get(form) ?? 0) + 1);
        forms.set(s, f);
      }
    }
    // Most comments first; ties broken alphabetically so the output is stable.
    const best = [...counts.entries()].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))[0];
    if (!best || best[1] < minShared) break;
    const [bestStem] = best;
    const members = remaining.filter((i) => stems[i]!.has(bestStem));
    const label = [...forms.get(bestStem)!.entries()].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))[0]![0];
    themes.push({ theme: label, count: members.length, examples: members.slice(0, exampleCount).map((i) => excerpt(texts[i]!)) });
    remaining = remaining.filter((i) => !stems[i]!.has(bestStem));
  }
  if (remaining.length > 0) {
    themes.push({ theme: 'other', count: remaining.length, examples: remaining.slice(0, exampleCount).map((i) => excerpt(texts[i]!)) });
  }
  return themes;
}
