import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { defaultTenantSettings } from '../../src/domain';
import { ManualClock } from '../../src/domain/clock';
import { COLLECTION_NAMES } from '../../src/store/collections';
import { openEmbeddedStore, type EmbeddedStore } from '../../src/store/embedded/sqlite-store';
import { describeStoreContract } from './store-contract';

const dir = mkdtempSync(join(tmpdir(), 'twilight-embedded-'));
let store: EmbeddedStore;

describeStoreContract(
  'embedded SQLite on disk',
  async () => {
    const clock = new ManualClock('2026-11-23T09:00:00.000Z');
    store = openEmbeddedStore({ path: join(dir, 'contract.db'), clock });
    return {
      store,
      clock,
      async reset() {
        for (const name of COLLECTION_NAMES) {
          for (const row of await store[name].findAcrossTenants()) await store[name].delete(row.value.tenantId, row.value.id);
        }
      },
    };
  },
  async () => {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  },
);

describe('embedded store specifics', () => {
  const clock = new ManualClock('2026-11-23T09:00:00.000Z');
  const path = join(mkdtempSync(join(tmpdir(), 'twilight-durable-')), 'durable.db');

  test('documents survive closing and reopening the file', async () => {
    const first = openEmbeddedStore({ path, clock });
    await first.tenants.put({ tenantId: 't1', id: 't1', name: 'Trust', kind: 'trust', schools: [], settings: defaultTenantSettings() });
    await first.close();
    const second = openEmbeddedStore({ path, clock });
    expect((await second.tenants.get('t1', 't1'))?.value.name).toBe('Trust');
    await second.close();
  });

  test('expired documents vanish from reads at once and are purged from disk', async () => {
    const s = openEmbeddedStore({ path: ':memory:', clock });
    await s.idempotencyKeys.create({ tenantId: 't1', id: 'k1', purpose: 'test', createdAt: clock.now().toISOString() }, { ttlSeconds: 60 });
    expect(await s.idempotencyKeys.get('t1', 'k1')).toBeDefined();
    clock.advance(61_000);
    expect(await s.idempotencyKeys.get('t1', 'k1')).toBeUndefined();
    expect(await s.idempotencyKeys.count('t1')).toBe(0);
    // An expired key no longer blocks a fresh create.
    expect((await s.idempotencyKeys.create({ tenantId: 't1', id: 'k1', purpose: 'test', createdAt: clock.now().toISOString() })).ok).toBe(true);
    await s.idempotencyKeys.create({ tenantId: 't1', id: 'k2', purpose: 'test', createdAt: clock.now().toISOString() }, { ttlSeconds: 1 });
    clock.advance(2_000);
    expect(s.purgeExpired()).toBe(1);
    await s.close();
  });

  test('createMany gives every document its TTL, and an expired id counts as absent', async () => {
    const s = openEmbeddedStore({ path: ':memory:', clock });
    const key = (id: string) => ({ tenantId: 't1', id, purpose: 'test', createdAt: clock.now().toISOString() });
    expect((await s.idempotencyKeys.createMany([key('k1'), key('k2')], { ttlSeconds: 60 })).every((r) => r.ok)).toBe(true);
    await s.idempotencyKeys.create(key('k3'));
    clock.advance(61_000);
    expect(await s.idempotencyKeys.count('t1')).toBe(1);
    const again = await s.idempotencyKeys.createMany([key('k1'), key('k3')]);
    expect(again.map((r) => r.ok)).toEqual([true, false]);
    expect(s.purgeExpired()).toBe(1);
    await s.close();
  });
});
