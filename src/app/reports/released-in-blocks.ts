import type { Answers, ImpactFollowUp, Questionnaire } from '../../domain';

/**
 * Figures for readers who may compare one export with the next (governors): answers count only in
 * blocks of at least `minimum`, so two exports differ by nothing or by a whole block, never by one
 * answer (docs/privacy.md, "Differencing").
 *
 * Groups arrive in an order that only ever grows at its end (questionnaires by the time they closed,
 * follow-ups by the time they were answered). Walking that order, groups gather into a pending
 * block; a block is released once it holds `minimum` items. The last, smaller block waits for more,
 * and is never shown on its own: earlier releases never change, so a period's figures freeze as its
 * last questionnaire closes.
 */
export function releasedPrefix(sizes: readonly number[], minimum: number): number {
  let released = 0;
  let pending = 0;
  for (const [i, size] of sizes.entries()) {
    pending += size;
    if (pending >= minimum) {
      released = i + 1;
      pending = 0;
    }
  }
  return released;
}

/**
 * The reaction answers that count: those of closed questionnaires only (their set is final), released in blocks.
 * `partOf` (a session's school, for governors' reports per school) releases each part's blocks on their own, so
 * the trust's figures are always the sum of the schools' and subtracting one export from another leaves whole blocks.
 */
export function releasedReactionAnswers(questionnaires: readonly Questionnaire[], answersBySession: ReadonlyMap<string, readonly Answers[]>, now: Date, minimum: number, partOf: (sessionId: string) => string = () => ''): Answers[] {
  const closingBySession = new Map<string, string>();
  const open = new Set<string>();
  for (const q of questionnaires) {
    if (!q.sessionId) continue;
    if (Date.parse(q.closesAt) > now.getTime()) open.add(q.sessionId);
    const before = closingBySession.get(q.sessionId);
    if (!before || q.closesAt > before) closingBySession.set(q.sessionId, q.closesAt);
  }
  const closed = [...closingBySession.entries()].filter(([sessionId]) => !open.has(sessionId)).sort(([a, x], [b, y]) => x.localeCompare(y) || a.localeCompare(b));
  return byPart(closed.map(([sessionId]) => sessionId), partOf).flatMap((ids) => {
    const groups = ids.map((sessionId) => answersBySession.get(sessionId) ?? []);
    return groups.slice(0, releasedPrefix(groups.map((g) => g.length), minimum)).flat();
  });
}

/** Items split by part, each part keeping the items' order. */
function byPart<T>(items: readonly T[], partOf: (item: T) => string): T[][] {
  const parts = new Map<string, T[]>();
  for (const item of items) parts.set(partOf(item), [...(parts.get(partOf(item)) ?? []), item]);
  return [...parts.values()];
}

/** Follow-ups with their person's answer only where it is released (answered ones in blocks, by when they were answered; each part's on their own). */
export function releasedFollowUps(followUps: readonly ImpactFollowUp[], minimum: number, partOf: (sessionId: string) => string = () => ''): ImpactFollowUp[] {
  const answered = followUps.filter((f) => f.person !== undefined).sort((a, b) => a.person!.submittedAt.localeCompare(b.person!.submittedAt) || a.id.localeCompare(b.id));
  const released = new Set(byPart(answered, (f) => partOf(f.sessionId)).flatMap((part) => part.slice(0, releasedPrefix(part.map(() => 1), minimum)).map((f) => f.id)));
  return followUps.map((f) => (f.person === undefined || released.has(f.id) ? f : { ...f, status: 'asked' as const, person: undefined, manager: undefined }));
}
