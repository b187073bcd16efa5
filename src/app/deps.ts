import type { Clock } from '../domain/clock';
import type { Store } from '../store/store';
import type { SignedLinks } from './signed-links';
import type { ActorCache } from './people/actor-cache';

/** What every use case needs; passed in, never imported as a singleton. */
export interface AppDeps {
  store: Store;
  clock: Clock;
  /** Calendar and certificate links; absent when the server has no public address. */
  links?: SignedLinks;
  /** Resolved people, kept between requests (the bots); `store` must be the one it watches. */
  actors?: ActorCache;
}
