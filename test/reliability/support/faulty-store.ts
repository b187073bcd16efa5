import type { CollectionName } from '../../../src/store/collections';
import type { Store } from '../../../src/store/store';

const WRITES = new Set(['create', 'put', 'delete']);

/** Which write of which collection fails next; `injected` counts the faults thrown so far. */
export interface FaultPlan {
  collection?: CollectionName;
  /** The Nth write (1-based) of that collection after arming throws; later writes succeed. */
  failOnWrite: number;
  writesSeen: number;
  injected: number;
}

export interface FaultyStore {
  store: Store;
  /** Arms a fault: the `nth` write to `collection` from now on throws. */
  failNthWrite(collection: CollectionName, nth?: number): void;
  plan: FaultPlan;
}

/**
 * Wraps a real store: reads and writes go through, except the chosen write of one collection,
 * which throws as a lost connection to Cosmos or a full disk would. Nothing in it is mocked.
 */
export function faultyStore(inner: Store): FaultyStore {
  const plan: FaultPlan = { failOnWrite: 0, writesSeen: 0, injected: 0 };
  const wrapped = new Map<string, unknown>();
  const store = new Proxy(inner, {
    get(target, key, receiver) {
      const value = Reflect.get(target, key, receiver) as unknown;
      if (typeof key !== 'string' || typeof value !== 'object' || value === null || !('find' in value)) return value;
      if (!wrapped.has(key)) {
        wrapped.set(
          key,
          new Proxy(value, {
            get(collection, method, r) {
              const fn = Reflect.get(collection, method, r) as unknown;
              if (typeof fn !== 'function') return fn;
              if (typeof method !== 'string' || !WRITES.has(method)) return fn.bind(collection);
              return async (...args: unknown[]) => {
                if (plan.collection === key && plan.failOnWrite > 0) {
                  plan.writesSeen++;
                  if (plan.writesSeen === plan.failOnWrite) {
                    plan.injected++;
                    plan.collection = undefined;
                    throw new Error(`injected fault: ${key}.${method} failed`);
                  }
                }
                return (fn as (...a: unknown[]) => unknown).apply(collection, args);
              };
            },
          }),
        );
      }
      return wrapped.get(key);
    },
  });
  return {
    store,
    plan,
    failNthWrite(collection, nth = 1) {
      plan.collection = collection;
      plan.failOnWrite = nth;
      plan.writesSeen = 0;
    },
  };
}
