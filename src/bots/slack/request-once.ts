import { deterministicId } from '../../domain';
import type { AppDeps } from '../../app/deps';

/** How long a handled Slack request is remembered: Slack retries within minutes; a day is ample. */
export const HANDLED_REQUEST_TTL_SECONDS = 24 * 60 * 60;

/**
 * Claims a Slack request (event id, trigger id, view id) so a retry of it changes nothing.
 * Returns a release function to call when the work did not happen, so a genuine retry can.
 */
export async function claimSlackRequest(deps: AppDeps, tenantId: string, key: string): Promise<{ first: true; release: () => Promise<void> } | { first: false }> {
  const id = deterministicId('slk', key);
  const created = await deps.store.idempotencyKeys.create(
    { tenantId, id, purpose: 'slack-request', createdAt: deps.clock.now().toISOString() },
    { ttlSeconds: HANDLED_REQUEST_TTL_SECONDS },
  );
  if (!created.ok) return { first: false };
  return {
    first: true,
    release: async () => {
      await deps.store.idempotencyKeys.delete(tenantId, id);
    },
  };
}
