import { applyRetention, type RetentionCounts } from '../app/people';
import type { Clock } from '../domain';
import { withoutChangeLog } from '../store/change-log';
import type { Store } from '../store/store';

/** The embedded store deletes expired rows on request (Cosmos does it by itself with TTL). */
interface Purging {
  purgeExpired(): number;
}

function canPurge(store: Store): store is Store & Purging {
  return typeof (store as Partial<Purging>).purgeExpired === 'function';
}

/** Once a night: every tenant's retention rule, then the embedded store's purge of expired rows. */
export async function retentionSweep(deps: { store: Store; clock: Clock; onError: (tenantId: string, err: unknown) => void }): Promise<{ tenants: Record<string, RetentionCounts>; purged: number }> {
  const tenants: Record<string, RetentionCounts> = {};
  for (const { value: tenant } of await deps.store.tenants.findAcrossTenants()) {
    try {
      // Records past their retention belong to sessions long over: deleting them changes no plan, so no plan requests.
      tenants[tenant.id] = await withoutChangeLog(() => applyRetention(deps, tenant, deps.clock.now()));
    } catch (err) {
      deps.onError(tenant.id, err);
    }
  }
  return { tenants, purged: canPurge(deps.store) ? deps.store.purgeExpired() : 0 };
}
