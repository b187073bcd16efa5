import type { Session } from '../../domain';
import type { Store } from '../../store/store';
import { updateWithRetry } from '../../store/update';

/**
 * Publishes every draft session still to come (an imported programme lands as drafts): the
 * planner then sends the invitations. Past drafts stay drafts: inviting people to them is pointless.
 */
export async function publishDraftSessions(deps: { store: Store }, tenantId: string, now: Date): Promise<{ published: Session[]; pastDrafts: number }> {
  const nowIso = now.toISOString();
  const drafts = (await deps.store.sessions.find(tenantId, { where: { status: 'draft' } })).map((v) => v.value);
  const published: Session[] = [];
  for (const draft of drafts.filter((d) => d.startsAt > nowIso).sort((a, b) => a.startsAt.localeCompare(b.startsAt))) {
    const done = await updateWithRetry(deps.store.sessions, tenantId, draft.id, (s) => (s.status === 'draft' ? { ...s, status: 'published' as const, publishedAt: nowIso } : undefined));
    if (done.ok && done.changed) published.push(done.value);
  }
  return { published, pastDrafts: drafts.filter((d) => d.startsAt <= nowIso).length };
}
