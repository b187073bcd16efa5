import type { Session } from '../domain';
import type { Actor } from './actor';
import type { AppDeps } from './deps';

/** How far back "edit" and "cancel" look for a session named in chat. */
const LOOK_BACK_DAYS = 30;

/**
 * The session a lead means by a few words of its title: the soonest upcoming one that matches,
 * else the latest of the last month. Cancelled sessions are never matched.
 */
export async function findSessionByTitle(deps: AppDeps, actor: Actor, words: string): Promise<Session | undefined> {
  const wanted = words.trim().toLowerCase();
  if (!wanted) return undefined;
  const now = deps.clock.now();
  const since = new Date(now.getTime() - LOOK_BACK_DAYS * 86_400_000).toISOString();
  const found = await deps.store.sessions.find(actor.tenant.id, {
    where: { startsAt: { gte: since } },
    orderBy: { field: 'startsAt', direction: 'asc' },
    limit: 1000,
  });
  const matches = found.map((s) => s.value).filter((s) => s.status !== 'cancelled' && s.title.toLowerCase().includes(wanted));
  const nowIso = now.toISOString();
  return matches.find((s) => s.startsAt > nowIso) ?? matches.at(-1);
}
