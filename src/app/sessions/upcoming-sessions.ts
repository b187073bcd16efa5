import { isInAudience } from '../../domain';
import type { SessionSummary } from '../../cards/views/common';
import type { SessionListView } from '../../cards/views/session-list';
import type { Actor } from '../people';
import type { AppDeps } from '../deps';
import { buildInvitationView } from './invitation-view';

/** Published sessions still to come that this person is in the audience of, soonest first. */
export async function upcomingSessions(deps: AppDeps, actor: Actor, limit = 10): Promise<SessionSummary[]> {
  const now = deps.clock.now().toISOString();
  const rows = await deps.store.sessions.find(actor.tenant.id, {
    where: { status: 'published', startsAt: { gt: now } },
    orderBy: { field: 'startsAt' },
    limit: 200,
  });
  const mine = rows.map((r) => r.value).filter((s) => isInAudience(s.audience, actor.staff)).slice(0, limit);
  return Promise.all(mine.map(async (s) => (await buildInvitationView(deps, actor.tenant, s, actor.staff.id)).session));
}

export async function listUpcomingSessions(deps: AppDeps, actor: Actor): Promise<SessionListView> {
  return {
    kind: 'session-list',
    sessions: await upcomingSessions(deps, actor),
    emptyText: 'No sessions are coming up for you just now.',
  };
}
