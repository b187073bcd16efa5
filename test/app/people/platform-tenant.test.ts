import { tenantOfPlatform } from '../../../src/app/people/platform-tenant';
import { ManualClock } from '../../../src/domain/clock';
import type { Collection, Query } from '../../../src/store/port';
import { openEmbeddedStore } from '../../../src/store/embedded/sqlite-store';
import type { Tenant } from '../../../src/domain';
import { tenant } from '../../support/fixtures';

const now = new Date('2026-11-23T10:00:00.000Z');

/** Counts the queries across tenants the tenants collection answers (point reads are not counted). */
function countingScans(tenants: Collection<Tenant>) {
  const scans: (Query | undefined)[] = [];
  const wrapped: Collection<Tenant> = { ...tenants, name: tenants.name, get: (t, id) => tenants.get(t, id), findAcrossTenants: (q) => (scans.push(q), tenants.findAcrossTenants(q)) };
  return { wrapped, scans };
}

describe('platform tenant → tenant (embedded store)', () => {
  test('a linked Teams tenant or Slack workspace is found by point reads, with no query across tenants', async () => {
    const store = openEmbeddedStore({ path: ':memory:', clock: new ManualClock(now) });
    await store.tenants.put({ ...tenant('north'), teamsTenantId: 'aad-north', slackTeamId: 'TNORTH' });
    await store.tenants.put({ ...tenant('south'), teamsTenantId: 'aad-south' });
    const { wrapped, scans } = countingScans(store.tenants);
    const reads = { ...store, tenants: wrapped };
    expect((await tenantOfPlatform(reads, 'teams', 'aad-south', now))?.id).toBe('south');
    expect((await tenantOfPlatform(reads, 'slack', 'TNORTH', now))?.id).toBe('north');
    expect(scans).toHaveLength(0);
    expect(await tenantOfPlatform(reads, 'slack', 'TNOBODY', now)).toBeUndefined();
    await store.close();
  });

  test('a tenant written before the directory is found once by a query, then linked', async () => {
    const store = openEmbeddedStore({ path: ':memory:', clock: new ManualClock(now) });
    await store.tenants.put({ ...tenant('old'), teamsTenantId: 'aad-old' });
    await store.platformTenants.delete('platform-directory', 'teams:aad-old');
    const { wrapped, scans } = countingScans(store.tenants);
    const reads = { ...store, tenants: wrapped };
    expect((await tenantOfPlatform(reads, 'teams', 'aad-old', now))?.id).toBe('old');
    expect((await tenantOfPlatform(reads, 'teams', 'aad-old', now))?.id).toBe('old');
    expect(scans).toHaveLength(1);
    await store.close();
  });

  test('a link left behind after the tenant changed its Teams tenant id resolves nothing', async () => {
    const store = openEmbeddedStore({ path: ':memory:', clock: new ManualClock(now) });
    await store.tenants.put({ ...tenant('moved'), teamsTenantId: 'aad-before' });
    await store.tenants.put({ ...tenant('moved'), teamsTenantId: 'aad-after' });
    expect(await tenantOfPlatform(store, 'teams', 'aad-before', now)).toBeUndefined();
    expect((await tenantOfPlatform(store, 'teams', 'aad-after', now))?.id).toBe('moved');
    await store.close();
  });
});
