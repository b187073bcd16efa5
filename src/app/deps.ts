import type { Clock } from '../domain/clock';
import type { Store } from '../store/store';

/** What every use case needs; passed in, never imported as a singleton. */
export interface AppDeps {
  store: Store;
  clock: Clock;
}
