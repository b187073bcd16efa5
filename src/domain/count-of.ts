/** "1 gap task", "2 gap tasks": cards, imports and reports read as sentences, not forms. */
export function countOf(n: number, singular: string, plural = `${singular}s`): string {
  return `${n} ${n === 1 ? singular : plural}`;
}
