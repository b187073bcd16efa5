/**
 * The document versions (tenant, id, ETag) of one collection that its schema was found to give
 * back unchanged when read. A version is never written twice, and the schema does not change
 * while the process runs, so parsing that version again would give the same value: a point read
 * of it (the questionnaire every answer reads, the planner's request) can skip the parse.
 */
export class ParsedVersions {
  private readonly seen = new Set<string>();

  constructor(private readonly max = 5_000) {}

  private static key(tenantId: string, id: string, version: string): string {
    return `${tenantId}\u0000${id}\u0000${version}`;
  }

  has(tenantId: string, id: string, version: string): boolean {
    return version !== '' && this.seen.has(ParsedVersions.key(tenantId, id, version));
  }

  /** Remembers a version when the schema's output is the stored document itself (same JSON, same key order). */
  noteIfUnchanged(tenantId: string, id: string, version: string, stored: unknown, parsed: unknown): void {
    if (version === '' || !sameJson(stored, parsed)) return;
    if (this.seen.size >= this.max) this.seen.clear();
    this.seen.add(ParsedVersions.key(tenantId, id, version));
  }
}

/** Equal as JSON values, keys in the same order (so even a serialised copy would not differ). */
export function sameJson(a: unknown, b: unknown): boolean {
  if (a === b) return Object.is(a, b);
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a)) {
    if (!Array.isArray(b) || a.length !== b.length) return false;
    for (let i = 0; i < a.length; i++) if (!sameJson(a[i], b[i])) return false;
    return true;
  }
  if (Array.isArray(b) || Object.getPrototypeOf(a) !== Object.prototype || Object.getPrototypeOf(b) !== Object.prototype) return false;
  const keysA = Object.keys(a);
  const keysB = Object.keys(b);
  if (keysA.length !== keysB.length) return false;
  for (let i = 0; i < keysA.length; i++) {
    const key = keysA[i]!;
    if (key !== keysB[i] || !sameJson((a as Record<string, unknown>)[key], (b as Record<string, unknown>)[key])) return false;
  }
  return true;
}
