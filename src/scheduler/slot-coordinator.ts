import type { RunCoordinator } from 'node-cron';
import type { Clock } from '../domain';
import type { Store } from '../store/store';

/** Coordination keys live under a tenant id of their own; they expire after a day. */
export const SYSTEM_TENANT = 'system';
const KEY_TTL_SECONDS = 24 * 3600;

function keyId(key: string): string {
  return `slot:${key.replace(/[^A-Za-z0-9._:@-]/g, '-')}`.slice(0, 200);
}

/**
 * One instance runs each planning slot: the first to create the slot's idempotency key wins.
 * Used as node-cron's runCoordinator and directly by runOnce.
 */
export function storeRunCoordinator(store: Store, clock: Clock): RunCoordinator {
  return {
    async shouldRun(key: string): Promise<boolean> {
      const created = await store.idempotencyKeys.create(
        { tenantId: SYSTEM_TENANT, id: keyId(key), purpose: 'scheduler-slot', createdAt: clock.now().toISOString() },
        { ttlSeconds: KEY_TTL_SECONDS },
      );
      return created.ok;
    },
  };
}
