import type { Clock } from '../domain/clock';
import type { Staff, Tenant } from '../domain';
import type { Collection, TenantDoc } from '../store/port';
import type { Store } from '../store/store';

/** A resolved person as the cache keeps them (the shape of `Actor`). */
export interface CachedActor {
  tenant: Tenant;
  staff: Staff;
}

/**
 * Other server instances (and the CLI) write staff records without telling this process, so an
 * entry lives at most this long: a role change or deactivation made elsewhere shows within 30 s.
 */
export const ACTOR_CACHE_TTL_MS = 30_000;
const MAX_ENTRIES = 20_000;

/**
 * Platform identity → actor, for the bots' hot path: without it every button press and modal
 * submission scans the tenants for the platform tenant id and looks the person up by platform id
 * (docs/performance.md). Keys carry the platform tenant id, so a person is never found in another
 * tenant's entry. Any staff or tenant write made through `watch(store)` empties the cache.
 */
export class ActorCache {
  private entries = new Map<string, { actor: CachedActor; expiresAt: number }>();
  private generation = 0;

  constructor(private readonly options: { clock: Clock; ttlMs?: number; maxEntries?: number }) {}

  get(key: string): CachedActor | undefined {
    const entry = this.entries.get(key);
    if (!entry) return undefined;
    if (entry.expiresAt <= this.options.clock.now().getTime()) {
      this.entries.delete(key);
      return undefined;
    }
    return entry.actor;
  }

  /** Take before the look-up and hand to `remember`: a look-up that raced a write is then not kept. */
  snapshot(): number {
    return this.generation;
  }

  remember(key: string, actor: CachedActor, snapshot: number): void {
    if (snapshot !== this.generation) return;
    // Oldest first in a Map: drop the oldest entry rather than grow without bound.
    if (this.entries.size >= (this.options.maxEntries ?? MAX_ENTRIES)) this.entries.delete(this.entries.keys().next().value!);
    // One actor object serves many requests: frozen, so no request can change it for the others.
    this.entries.set(key, { actor: deepFreeze({ tenant: actor.tenant, staff: actor.staff }), expiresAt: this.options.clock.now().getTime() + (this.options.ttlMs ?? ACTOR_CACHE_TTL_MS) });
  }

  clear(): void {
    this.generation++;
    this.entries = new Map();
  }

  /** The store to give every part of this process: its staff and tenant writes clear the cache once they land. */
  watch<S extends Store>(store: S): S {
    return { ...store, staff: this.clearingOnWrite(store.staff), tenants: this.clearingOnWrite(store.tenants) };
  }

  private clearingOnWrite<T extends TenantDoc>(collection: Collection<T>): Collection<T> {
    const after = async <R>(write: Promise<R>): Promise<R> => {
      try {
        return await write;
      } finally {
        // Also after a failed write: it may have landed before the error reached us.
        this.clear();
      }
    };
    return {
      name: collection.name,
      get: (tenantId, id) => collection.get(tenantId, id),
      find: (tenantId, query) => collection.find(tenantId, query),
      count: (tenantId, where) => collection.count(tenantId, where),
      findAcrossTenants: (query) => collection.findAcrossTenants(query),
      create: (doc, options) => after(collection.create(doc, options)),
      put: (doc, options) => after(collection.put(doc, options)),
      delete: (tenantId, id, options) => after(collection.delete(tenantId, id, options)),
    };
  }
}

function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const inner of Object.values(value)) deepFreeze(inner);
  }
  return value;
}
