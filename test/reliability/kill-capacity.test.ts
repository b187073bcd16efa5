import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { systemClock } from '../../src/domain/clock';
import { openCosmosStore } from '../../src/store/cosmos/cosmos-store';
import { openEmbeddedStore } from '../../src/store/embedded/sqlite-store';
import type { Store } from '../../src/store/store';
import { startLoopbackCosmos, type LoopbackCosmos } from '../support/cosmos-server';
import { session, staff, tenant } from '../support/fixtures';
import type { KillChildOptions } from './support/kill-child';
import { startKillChild } from './support/run-kill-child';

/**
 * Issue 24 item 10: a 40-place session must never hold more than 40 "yes", whatever point a
 * process is killed at (kill -9 of a real child process, on both stores), and once everyone who
 * got no answer presses again it is exactly full, the rest on the waiting list.
 */
const TENANT = 'trust-k';
const CAPACITY = 40;
const PEOPLE = Array.from({ length: 45 }, (_, i) => `stf-${String(i).padStart(2, '0')}`);

jest.setTimeout(120_000);

type Where = { kind: 'embedded'; dir: string } | { kind: 'cosmos'; server: LoopbackCosmos };

async function seed(store: Store): Promise<void> {
  await store.tenants.create(tenant(TENANT));
  for (const id of PEOPLE) await store.staff.create(staff(TENANT, id));
  const startsAt = new Date(Date.now() + 7 * 86_400_000);
  await store.sessions.create(session(TENANT, 'ses-full', { capacity: CAPACITY, startsAt: startsAt.toISOString(), endsAt: new Date(startsAt.getTime() + 5_400_000).toISOString() }));
}

async function counts(store: Store): Promise<{ yes: number; waitlist: number }> {
  return {
    yes: await store.participations.count(TENANT, { sessionId: 'ses-full', rsvp: 'yes' }),
    waitlist: await store.participations.count(TENANT, { sessionId: 'ses-full', rsvp: 'waitlist' }),
  };
}

describe.each(['embedded', 'cosmos'] as const)('RSVP capacity holds through kill -9 (%s store, real child processes)', (kind) => {
  let where: Where;
  let run = 0;
  beforeAll(async () => {
    where = kind === 'embedded' ? { kind, dir: mkdtempSync(join(tmpdir(), 'twilight-kill-')) } : { kind, server: await startLoopbackCosmos() };
  });
  afterAll(async () => {
    if (where.kind === 'embedded') rmSync(where.dir, { recursive: true, force: true });
    else await where.server.stop();
  });

  /** A fresh store for one run: where the child finds it, and the parent's own connection to read it. */
  async function freshStore(): Promise<{ location: KillChildOptions['store']; open(): Promise<Store> }> {
    run++;
    if (where.kind === 'embedded') {
      const path = join(mkdtempSync(join(where.dir, `run-${run}-`)), 'twilight.db');
      const s = openEmbeddedStore({ path, clock: systemClock });
      await seed(s);
      await s.close();
      return { location: { kind: 'embedded', path }, open: async () => openEmbeddedStore({ path, clock: systemClock }) };
    }
    const server = where.server;
    const databaseId = `kill-capacity-${run}`;
    const open = () => openCosmosStore({ client: server.client(), databaseId, createIfMissing: true });
    const s = await open();
    await seed(s);
    await s.close();
    return { location: { kind: 'cosmos', endpoint: server.endpoint, databaseId }, open };
  }

  // Killed right after the 41st participation write, in the middle of the burst, and late in settling it.
  it.each([41, 20, 60])('45 press "yes" at once on a 40-place session; killed after participation write %i: never more than 40, and exactly 40 once they press again', async (nth) => {
    const { location, open } = await freshStore();
    const work = { kind: 'rsvp' as const, tenantId: TENANT, sessionId: 'ses-full', staffIds: PEOPLE };
    const first = await startKillChild({ store: location, dieAfter: { collection: 'participations', nth }, work }).ended;
    expect(first.how).not.toBe('failed');
    let store = await open();
    const afterKill = await counts(store);
    await store.close();
    expect(afterKill.yes).toBeLessThanOrEqual(CAPACITY);

    // Restarted: everyone presses again (those who got no answer would; a repeat changes nothing for the rest).
    expect((await startKillChild({ store: location, work }).ended).how).toBe('done');
    store = await open();
    expect(await counts(store)).toEqual({ yes: CAPACITY, waitlist: PEOPLE.length - CAPACITY });
    await store.close();
  });
});
