import type { Clock } from '../domain/clock';
import type { Store } from '../store/store';
import type { SignedLinks } from './signed-links';
import type { Staff, Tenant } from '../domain';
/** A stored document with its version (ETag), for the bots' claims: they reach the store through here. */
export type { Versioned } from '../store/port';

/** What every use case needs; passed in, never imported as a singleton. */
export interface AppDeps {
  store: Store;
  clock: Clock;
  /** Calendar and certificate links; absent when the server has no public address. */
  links?: SignedLinks;
  /** Resolved people, kept between requests (the bots); `store` must be the one it watches. */
  actors?: ActorLookups;
}

/** A resolved person as the cache keeps them (the shape of `Actor`). */
export interface CachedActor {
  tenant: Tenant;
  staff: Staff;
}

/** The generations a look-up started from: a look-up that raced a write is then not kept. */
export interface ActorCacheSnapshot {
  tenants: number;
  people: number;
}

/**
 * What the use cases ask of the cache of resolved people; people/actor-cache.ts implements it.
 * An interface here, so the ports import no feature.
 */
export interface ActorLookups {
  tenant(key: string): Tenant | undefined;
  person(key: string): CachedActor | undefined;
  snapshot(): ActorCacheSnapshot;
  rememberTenant(key: string, tenant: Tenant, snapshot: ActorCacheSnapshot): void;
  rememberPerson(key: string, actor: CachedActor, snapshot: ActorCacheSnapshot): void;
}
