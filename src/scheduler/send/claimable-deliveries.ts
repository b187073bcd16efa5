import type { Delivery } from '../../domain';
import type { Collection, Filter, Versioned } from '../../store/port';

type Row = Versioned<Delivery>;

/** What the due query asks: pending, and neither leased nor backing off nor early (see `availableAtOf`). */
const availableBy = (now: string): Filter => ({ status: 'pending', availableAt: { lte: now } });

/**
 * The records one claim round of a dispatcher pass may try to claim, at most `limit`, shared
 * round-robin between the tenants that have work, so one trust's broadcast cannot hold back
 * another's reminder.
 *
 * One query when little is due. When the earliest `limit` records fill the page (a backlog, which
 * may be one tenant's), the tenants with due work are found one indexed query each (a skip-scan
 * ordered by tenant: no DISTINCT on the emulator) and each gets its share. No tenant gets more than
 * `perTenant` in one round, so the pass asks again soon and a record falling due meanwhile waits little.
 */
export async function findClaimable(
  deliveries: Collection<Delivery>,
  now: string,
  limit: number,
  perTenant = limit,
  options: { includeLegacy?: boolean } = {},
): Promise<Row[]> {
  const earliest = await deliveries.findAcrossTenants({ where: availableBy(now), orderBy: { field: 'availableAt' }, limit });
  const legacy = options.includeLegacy === false ? [] : await findLegacyDue(deliveries, now, limit);
  const byTenant = groupByTenant([...earliest, ...legacy]);
  if (earliest.length >= limit) {
    const others = (await tenantsWithDueWork(deliveries, now, limit)).filter((t) => !byTenant.has(t));
    const share = Math.min(perTenant, Math.max(1, Math.ceil(limit / (byTenant.size + others.length))));
    for (const tenantId of others) {
      byTenant.set(tenantId, await deliveries.find(tenantId, { where: availableBy(now), orderBy: { field: 'availableAt' }, limit: share }));
    }
  }
  return roundRobin([...byTenant.values()].map((rows) => rows.slice(0, perTenant)), limit);
}

/**
 * Records written before `availableAt` existed: found by `dueAt`, leases and backoff checked
 * here. Each one gains `availableAt` on its first claim, so this set only shrinks. "Field absent"
 * is served by no index (a scan of the pending records), so the dispatcher asks at most once a minute.
 */
async function findLegacyDue(deliveries: Collection<Delivery>, now: string, limit: number): Promise<Row[]> {
  const rows = await deliveries.findAcrossTenants({
    where: { status: 'pending', availableAt: { exists: false }, dueAt: { lte: now } },
    orderBy: { field: 'dueAt' },
    limit,
  });
  return rows.filter((r) => (r.value.leaseUntil ?? '') <= now && (r.value.nextAttemptAt ?? '') <= now);
}

/** Tenants with something claimable now, in tenant order, one query each, at most `max`. */
export async function tenantsWithDueWork(deliveries: Collection<Delivery>, now: string, max: number): Promise<string[]> {
  const found: string[] = [];
  while (found.length < max) {
    const after = found.at(-1);
    const where = after === undefined ? availableBy(now) : { ...availableBy(now), tenantId: { gt: after } };
    const [next] = await deliveries.findAcrossTenants({ where, orderBy: { field: 'tenantId' }, limit: 1 });
    if (!next) break;
    found.push(next.value.tenantId);
  }
  return found;
}

function groupByTenant(rows: Row[]): Map<string, Row[]> {
  const groups = new Map<string, Row[]>();
  for (const row of rows) {
    const list = groups.get(row.value.tenantId) ?? [];
    if (!list.some((r) => r.value.id === row.value.id)) list.push(row);
    groups.set(row.value.tenantId, list);
  }
  return groups;
}

/** One from each tenant in turn (tenants in the order their earliest record came), until `limit`. */
export function roundRobin<T>(groups: readonly (readonly T[])[], limit: number): T[] {
  const out: T[] = [];
  for (let i = 0; out.length < limit; i++) {
    const before = out.length;
    for (const group of groups) {
      if (i < group.length && out.length < limit) out.push(group[i]!);
    }
    if (out.length === before) break;
  }
  return out;
}
