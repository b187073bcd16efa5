import type { Session } from '../domain';
import type { Actor } from './actor';
import type { AppDeps } from './deps';
import { mayRunSession } from './session-roles';

export type FoundSession = { ok: true; session: Session } | { ok: false; reason: 'none' | 'not-yours' };

/** Every word of the query appears in the title, in any order and case. */
function titleHasWords(title: string, words: readonly string[]): boolean {
  const lower = title.toLowerCase();
  return words.every((w) => lower.includes(w));
}

/**
 * The most recent published session, starting no later than `latestStart`, whose title holds the
 * words typed, among those the person runs (a lead: all). `not-yours` when only others' match.
 */
export async function findSessionByTitle(deps: AppDeps, actor: Actor, query: string, latestStart: Date): Promise<FoundSession> {
  const words = query.toLowerCase().split(/\s+/).filter(Boolean);
  const sessions = await deps.store.sessions.find(actor.tenant.id, {
    where: { startsAt: { lte: latestStart.toISOString() }, status: 'published' },
    orderBy: { field: 'startsAt', direction: 'desc' },
    limit: 500,
  });
  const matching = sessions.map((s) => s.value).filter((s) => titleHasWords(s.title, words));
  const mine = matching.find((s) => mayRunSession(actor, s));
  if (mine) return { ok: true, session: mine };
  return { ok: false, reason: matching.length > 0 ? 'not-yours' : 'none' };
}
