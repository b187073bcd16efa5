import type { Clock } from '../../domain/clock';
import type { Tenant } from '../../domain';
import type { ActorCacheSnapshot, ActorLookups, CachedActor } from '../deps';
import type { Collection, TenantDoc } from '../../store/port';
import type { Store } from '../../store/store';
import { withWrites } from '../../store/with-writes';

export type { ActorCacheSnapshot, CachedActor };

/**
 * Other server instances (and the CLI) write staff records without telling this process, so an
 * entry lives at most this long: a role change or deactivation made elsewhere shows within 30 s.
 */
export const ACTOR_CACHE_TTL_MS = 30_000;
const MAX_ENTRIES = 20_000;

/** Entries that expire, dropped all at once when the records behind them change. */
class ExpiringEntries<V> {
  private entries = new Map<string, { value: V; expiresAt: number }>();
  generation = 0;

  constructor(private readonly options: { clock: Clock; ttlMs: number; maxEntries: number }) {}

  get(key: string): V | undefined {
    const entry = this.entries.get(key);
    if (!entry) return undefined;
    if (entry.expiresAt <= this.options.clock.now().getTime()) {
      this.entries.delete(key);
      return undefined;
    }
    return entry.value;
  }

  set(key: string, value: V, snapshot: number): void {
    // Something changed while this was being looked up: don't keep what may be the old record.
    if (snapshot !== this.generation) return;
    // A Map iterates oldest first: drop the oldest entry rather than grow without bound.
    if (this.entries.size >= this.options.maxEntries) this.entries.delete(this.entries.keys().next().value!);
    // One object serves many requests: frozen, so no request can change it for the others.
    this.entries.set(key, { value: deepFreeze(value), expiresAt: this.options.clock.now().getTime() + this.options.ttlMs });
  }

  clear(): void {
    this.generation++;
    this.entries = new Map();
  }
}

/**
 * Platform tenant → tenant and platform identity → actor, for the bots' hot path: without it every
 * button press and modal submission queries all tenants for the platform tenant id (a
 * cross-partition query on Cosmos, a scan on SQLite) and looks the person up by platform id
 * (docs/performance.md). Person keys carry the platform tenant id, so nobody is found in another
 * tenant's entry. A staff write made through `watch(store)` empties the people; a tenant write both.
 */
export class ActorCache implements ActorLookups {
  private readonly tenants: ExpiringEntries<Tenant>;
  private readonly people: ExpiringEntries<CachedActor>;

  constructor(options: { clock: Clock; ttlMs?: number; maxEntries?: number }) {
    const settings = { clock: options.clock, ttlMs: options.ttlMs ?? ACTOR_CACHE_TTL_MS, maxEntries: options.maxEntries ?? MAX_ENTRIES };
    this.tenants = new ExpiringEntries(settings);
    this.people = new ExpiringEntries(settings);
  }

  tenant(key: string): Tenant | undefined {
    return this.tenants.get(key);
  }

  person(key: string): CachedActor | undefined {
    return this.people.get(key);
  }

  /** Take before the look-up and hand to `remember…`: a look-up that raced a write is then not kept. */
  snapshot(): ActorCacheSnapshot {
    return { tenants: this.tenants.generation, people: this.people.generation };
  }

  rememberTenant(key: string, tenant: Tenant, snapshot: ActorCacheSnapshot): void {
    this.tenants.set(key, tenant, snapshot.tenants);
  }

  rememberPerson(key: string, actor: CachedActor, snapshot: ActorCacheSnapshot): void {
    // The tenant inside the actor is as old as the tenants generation the look-up started from.
    if (snapshot.tenants !== this.tenants.generation) return;
    this.people.set(key, { tenant: actor.tenant, staff: actor.staff }, snapshot.people);
  }

  clear(): void {
    this.tenants.clear();
    this.people.clear();
  }

  /** The store to give every part of this process: its staff and tenant writes clear the cache once they land. */
  watch<S extends Store>(store: S): S {
    return {
      ...store,
      staff: clearingOnWrite(store.staff, () => this.people.clear()),
      tenants: clearingOnWrite(store.tenants, () => this.clear()),
    };
  }
}

function clearingOnWrite<T extends TenantDoc>(collection: Collection<T>, clear: () => void): Collection<T> {
  const after = async <R>(write: Promise<R>): Promise<R> => {
    try {
      return await write;
    } finally {
      // Also after a failed write: it may have landed before the error reached us.
      clear();
    }
  };
  return withWrites(collection, {
    create: (doc, options) => after(collection.create(doc, options)),
    createMany: (docs, options) => after(collection.createMany(docs, options)),
    put: (doc, options) => after(collection.put(doc, options)),
    delete: (tenantId, id, options) => after(collection.delete(tenantId, id, options)),
  });
}

function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const inner of Object.values(value)) deepFreeze(inner);
  }
  return value;
}
