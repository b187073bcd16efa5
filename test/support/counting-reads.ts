import type { Store } from '../../src/store/store';

/** The store, counting the documents each collection hands back (get, find, findAcrossTenants, iterate). */
export function countingReads(store: Store): { store: Store; reads: Map<string, number>; total: () => number; calls: () => number } {
  const reads = new Map<string, number>();
  let calls = 0;
  const add = (name: string, n: number) => {
    calls++;
    reads.set(name, (reads.get(name) ?? 0) + n);
  };
  const wrapped: Record<string, unknown> = { ...store };
  for (const [name, value] of Object.entries(store)) {
    const c = value as Store['staff'];
    if (!c || typeof c !== 'object' || typeof c.find !== 'function') continue;
    wrapped[name] = {
      ...c,
      get: async (t: string, id: string) => {
        const r = await c.get(t, id);
        add(name, r ? 1 : 0);
        return r;
      },
      find: async (t: string, q: never) => {
        const r = await c.find(t, q);
        add(name, r.length);
        return r;
      },
      findAcrossTenants: async (q: never) => {
        const r = await c.findAcrossTenants(q);
        add(name, r.length);
        return r;
      },
      iterate: async function* (t: string, q: never, o: never) {
        let n = 0;
        for await (const doc of c.iterate(t, q, o)) {
          n++;
          yield doc;
        }
        add(name, n);
      },
    };
  }
  return { store: wrapped as unknown as Store, reads, total: () => [...reads.values()].reduce((a, b) => a + b, 0), calls: () => calls };
}

