import type { Session } from '../../domain';
import type { Actor } from '../people';
import type { AppDeps } from '../deps';
import { mayRunSession } from './session-roles';

export type FoundSession = { ok: true; session: Session } | { ok: false; reason: 'none' | 'not-yours' };

/**
 * Which sessions a title typed in chat may name, and which one wins:
 * - `upcoming-first` (edit, cancel): not cancelled, from a month back; the soonest upcoming, else the latest past.
 * - `held-by` (register, report): published and started by `latestStart`; the latest.
 */
export type WhichSessions = { kind: 'upcoming-first' } | { kind: 'held-by'; latestStart: Date };

/** How far back "edit" and "cancel" look for a session named in chat. */
const LOOK_BACK_DAYS = 30;
const SCAN_LIMIT = 1000;

/** Every word typed appears in the title, in any order and case. */
function titleHasWords(title: string, words: readonly string[]): boolean {
  const lower = title.toLowerCase();
  return words.every((w) => lower.includes(w));
}

async function candidates(deps: AppDeps, actor: Actor, which: WhichSessions): Promise<Session[]> {
  if (which.kind === 'held-by') {
    const found = await deps.store.sessions.find(actor.tenant.id, {
      where: { startsAt: { lte: which.latestStart.toISOString() }, status: 'published' },
      orderBy: { field: 'startsAt', direction: 'desc' },
      limit: SCAN_LIMIT,
    });
    return found.map((s) => s.value);
  }
  const now = deps.clock.now();
  const since = new Date(now.getTime() - LOOK_BACK_DAYS * 86_400_000).toISOString();
  const found = await deps.store.sessions.find(actor.tenant.id, {
    where: { startsAt: { gte: since } },
    orderBy: { field: 'startsAt', direction: 'asc' },
    limit: SCAN_LIMIT,
  });
  const open = found.map((s) => s.value).filter((s) => s.status !== 'cancelled');
  const nowIso = now.toISOString();
  // Soonest upcoming first, then the past ones latest first.
  return [...open.filter((s) => s.startsAt > nowIso), ...open.filter((s) => s.startsAt <= nowIso).reverse()];
}

/**
 * The session a person means by a few words of its title, among those they run (a lead: all).
 * `not-yours` when only sessions run by others match.
 */
export async function findSessionByTitle(deps: AppDeps, actor: Actor, query: string, which: WhichSessions): Promise<FoundSession> {
  const words = query.toLowerCase().split(/\s+/).filter(Boolean);
  if (words.length === 0) return { ok: false, reason: 'none' };
  const matching = (await candidates(deps, actor, which)).filter((s) => titleHasWords(s.title, words));
  const mine = matching.find((s) => mayRunSession(actor, s));
  if (mine) return { ok: true, session: mine };
  return { ok: false, reason: matching.length > 0 ? 'not-yours' : 'none' };
}
