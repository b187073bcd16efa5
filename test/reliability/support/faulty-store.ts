import type { CollectionName } from '../../../src/store/collections';
import type { Store } from '../../../src/store/store';

const WRITES = new Set(['create', 'put', 'delete']);

/** One armed fault: the Nth write (1-based, counted from arming) of a collection throws, or hangs. */
interface ArmedFault {
  collection: CollectionName;
  nth: number;
  seen: number;
  hang: boolean;
}

/** `injected` counts the faults thrown (or hung) so far. */
export interface FaultPlan {
  faults: ArmedFault[];
  injected: number;
  /** Every write of every collection throws, as on a full disk. */
  diskFull: boolean;
}

export interface FaultyStore {
  store: Store;
  /** Arms a fault: the `nth` write to `collection` from now on throws. Several may be armed at once. */
  failNthWrite(collection: CollectionName, nth?: number): void;
  /**
   * The `nth` write to `collection` never completes, as in a process killed mid-write: it
   * resolves only on `killHung()`, and then throws without having written anything.
   */
  hangNthWrite(collection: CollectionName, nth?: number): void;
  /** Ends every hung write (with an error; nothing of them is written). */
  killHung(): void;
  /** Resolves once a write has hung. */
  waitForHung(): Promise<void>;
  /** Every write throws SQLite's disk-full error until `diskFull(false)`; reads still work. */
  setDiskFull(full: boolean): void;
  plan: FaultPlan;
}

/**
 * Wraps a real store: reads and writes go through, except the chosen writes, which throw as a
 * lost connection to Cosmos or a full disk would (or hang, as a killed process's would). Nothing
 * in it is mocked.
 */
export function faultyStore(inner: Store): FaultyStore {
  const plan: FaultPlan = { faults: [], injected: 0, diskFull: false };
  const hung: (() => void)[] = [];
  let onHung: (() => void) | undefined;
  const wrapped = new Map<string, unknown>();

  const faultFor = (collection: string): ArmedFault | undefined => {
    for (const fault of plan.faults) {
      if (fault.collection !== collection) continue;
      fault.seen++;
      if (fault.seen === fault.nth) {
        plan.faults = plan.faults.filter((f) => f !== fault);
        return fault;
      }
    }
    return undefined;
  };

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
                if (plan.diskFull) {
                  plan.injected++;
                  throw new Error('SqliteError: database or disk is full');
                }
                const fault = faultFor(key);
                if (fault) {
                  plan.injected++;
                  if (fault.hang) {
                    await new Promise<void>((resolve) => {
                      hung.push(resolve);
                      onHung?.();
                    });
                    throw new Error(`injected fault: ${key}.${method} was killed mid-write`);
                  }
                  throw new Error(`injected fault: ${key}.${method} failed`);
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
      plan.faults.push({ collection, nth, seen: 0, hang: false });
    },
    hangNthWrite(collection, nth = 1) {
      plan.faults.push({ collection, nth, seen: 0, hang: true });
    },
    killHung() {
      for (const resolve of hung.splice(0)) resolve();
    },
    async waitForHung() {
      if (hung.length > 0) return;
      await new Promise<void>((resolve) => (onHung = resolve));
    },
    setDiskFull(full) {
      plan.diskFull = full;
    },
  };
}
