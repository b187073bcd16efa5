/**
 * Request units by flow, counted by the Cosmos adapter's meter (src/store/cosmos/request-charges.ts)
 * against cosmosdb-server on loopback. The emulator charges 1 per request, so its "RU" column is a
 * request count; operations and documents are what real Cosmos DB bills by (docs/data-model.md turns
 * them into request units with the documented per-operation charges).
 *
 *   npx tsx bench/request-units.ts [--staff 1000,5000]
 */
import { ManualClock } from '../src/domain';
import { tenantOfPlatform } from '../src/app/people/platform-tenant';
import { planChanges } from '../src/scheduler/plan/plan-requests';
import { planTenant } from '../src/scheduler/plan/plan-tenant';
import { openCosmosStore, type CosmosStore } from '../src/store/cosmos/cosmos-store';
import { inFlow } from '../src/store/flow';
import { startLoopbackCosmos } from '../test/support/cosmos-server';
import { alwaysOpenCalendar, session, staff, tenant } from '../test/support/fixtures';
import { openOutboxWorld, pendingDelivery } from './support/outbox-world';

function arg(name: string, fallback: string): string {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 && process.argv[i + 1] ? process.argv[i + 1]! : fallback;
}

async function main(): Promise<void> {
  const sizes = arg('staff', '1000,5000').split(',').map(Number);
  const server = await startLoopbackCosmos();
  // Wednesday 10:00 London: no reminder, digest or midnight in the minute measured.
  const clock = new ManualClock('2026-11-25T10:00:00.000Z');
  const rows: string[] = [];
  const row = (flow: string, t: { operations: number; requestCharge: number; documents: number } | undefined) =>
    rows.push(`| ${flow} | ${t?.operations ?? 0} | ${t?.documents ?? 0} | ${t?.requestCharge ?? 0} |`);

  for (const n of sizes) {
    const store = await openCosmosStore({ client: server.client(), databaseId: `ru-${n}`, createIfMissing: true });
    const t = `trust-${n}`;
    await store.tenants.put({ ...tenant(t), teamsTenantId: `aad-${n}` });
    await store.calendars.put(alwaysOpenCalendar(t));
    const people = Array.from({ length: n }, (_, i) => staff(t, `s${i}`));
    for (let i = 0; i < people.length; i += 100) await Promise.all(people.slice(i, i + 100).map((p) => store.staff.create(p)));
    // Twenty draft sessions over the term: read by every tick, planning nothing (an idle tenant).
    for (let i = 0; i < 20; i++) {
      const startsAt = new Date(Date.parse('2026-10-01T15:00:00.000Z') + i * 7 * 86_400_000).toISOString();
      await store.sessions.put(session(t, `ses-${i}`, { startsAt, endsAt: new Date(Date.parse(startsAt) + 3_600_000).toISOString(), status: 'draft' }));
    }
    // Before planning followed change, every tick planned each tenant whole: that cost, then today's idle tick.
    await inFlow('warm', () => planChanges({ store, clock, instanceId: 'bench' }));
    store.requestCharges.reset();
    await inFlow('whole-tenant plan', () => planTenant({ store, clock }, t));
    clock.advance(60_000);
    await inFlow('idle planner tick', () => planChanges({ store, clock, instanceId: 'bench' }));
    await inFlow('resolve platform tenant', async () => void (await tenantOfPlatform(store, 'teams', `aad-${n}`, clock.now())));
    const totals = store.requestCharges.totals();
    row(`whole-tenant plan (every tick before; now at start and daily), ${n} staff`, totals['whole-tenant plan']);
    row(`idle planner tick, ${n} staff`, totals['idle planner tick']);
    row('resolve a Teams tenant (point reads)', totals['resolve platform tenant']);
    await store.close();
  }
  await server.stop();

  // The dispatcher: one due delivery sent, then a pass with nothing due.
  const w = await openOutboxWorld(true);
  const meter = (w.store as unknown as CosmosStore).requestCharges;
  await w.seed([pendingDelivery('trust-d', 'd0', w.clock.now().toISOString())]);
  meter.reset();
  await inFlow('send one delivery', () => w.dispatcher.dispatchDue());
  await inFlow('idle dispatcher pass', () => w.dispatcher.dispatchDue());
  row('dispatcher pass sending one delivery (claim, re-check, record; calendar read)', meter.totals()['send one delivery']);
  row('idle dispatcher pass (due query + records from before availableAt)', meter.totals()['idle dispatcher pass']);
  await w.close();

  console.log('\nrequest units by flow (cosmosdb-server: RU column = requests)\n');
  console.log('| flow | operations | documents read | emulator RU |\n|---|---|---|---|');
  for (const r of rows) console.log(r);
}

void main();
