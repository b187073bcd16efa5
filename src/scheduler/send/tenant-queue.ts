/**
 * Claims waiting for a worker, one first-in-first-out list per tenant, taken from each tenant in
 * turn. A refill in the middle of a pass may bring another tenant's record: it goes out next,
 * not behind what is left of one trust's broadcast.
 */
export class TenantQueue<T> {
  /** Map order is the turn: a tenant served goes to the back while it has more. */
  private readonly byTenant = new Map<string, T[]>();
  private count = 0;

  constructor(private readonly tenantOf: (item: T) => string) {}

  /** Claims not yet taken by a worker. */
  get size(): number {
    return this.count;
  }

  add(items: readonly T[]): void {
    for (const item of items) {
      const tenantId = this.tenantOf(item);
      const list = this.byTenant.get(tenantId);
      if (list) list.push(item);
      else this.byTenant.set(tenantId, [item]);
      this.count++;
    }
  }

  /** The next claim of the tenant whose turn it is. */
  take(): T | undefined {
    for (const [tenantId, list] of this.byTenant) {
      const item = list.shift();
      this.byTenant.delete(tenantId);
      if (list.length > 0) this.byTenant.set(tenantId, list);
      if (item === undefined) continue;
      this.count--;
      return item;
    }
    return undefined;
  }

  /** Everything still waiting (to hand back on stop), leaving the queue empty. */
  drain(): T[] {
    const all = [...this.byTenant.values()].flat();
    this.byTenant.clear();
    this.count = 0;
    return all;
  }
}
