import { failedForNoAccount, hasExpired } from '../../domain';
import type { AppDeps } from '../deps';

/** Records handed back are due this long after, so the link being written now is there when they are sent. */
export const AFTER_LINK_MS = 5000;

/**
 * Someone is being linked to a Teams or Slack account: what failed earlier only because they
 * could not be reached goes back to the outbox, if its moment has not passed. Whether it still
 * applies (a session cancelled, a request decided) is checked again when it is composed, as for
 * any record, so a stale one is skipped, not sent. Each record is handed back under its ETag: a
 * record another writer changed meanwhile is left as that writer left it.
 */
export async function sendWhatFailedForNoAccount(deps: AppDeps, tenantId: string, staffId: string): Promise<number> {
  const now = deps.clock.now();
  const dueFrom = new Date(now.getTime() + AFTER_LINK_MS).toISOString();
  const failed = await deps.store.deliveries.find(tenantId, { where: { recipientId: staffId, status: 'failed' } });
  let requeued = 0;
  for (const { value: delivery, version } of failed) {
    if (!failedForNoAccount(delivery) || hasExpired(delivery, now)) continue;
    const { lastError: _e, ...rest } = delivery;
    // No ttlSeconds: a record waiting to be sent is kept (the failed one had the sent records' TTL).
    const put = await deps.store.deliveries.put({ ...rest, status: 'pending', nextAttemptAt: dueFrom }, { ifVersion: version });
    if (put.ok) requeued++;
  }
  return requeued;
}
