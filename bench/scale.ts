/**
 * Scale: documents the planner reads per tick, before (every tick planned every tenant whole) and
 * now (planning follows change: a tick plans only the subjects whose requests are due). Worlds: one
 * tenant of 1,000 staff, one of 20,000 (60 schools), and 50 tenants of 400, each with a year of
 * sessions, RSVPs, attendance and answers, on the embedded store in memory. Documents are counted
 * as the store hands them back (the Cosmos DB cost follows them: docs/data-model.md).
 *
 *   npx tsx bench/scale.ts [--worlds 1000,20000,50x400]
 *
 * Goal (issue 15): idle reads do not grow with tenant size (20,000 vs 1,000: ratio ≤ 1.5), and an
 * edit reads in proportion to the people it touches.
 */
import { ManualClock, participationId, reactionQuestionnaireId, receiptId, type Participation, type ResponseReceipt, type Session, type Staff } from '../src/domain';
import { planChanges } from '../src/scheduler/plan/plan-requests';
import { planTenant } from '../src/scheduler/plan/plan-tenant';
import { openEmbeddedStore } from '../src/store/embedded/sqlite-store';
import type { Store } from '../src/store/store';
import { countingReads } from '../test/support/counting-reads';
import { alwaysOpenCalendar, session, staff, tenant } from '../test/support/fixtures';

/** Wednesday 25 November 2026, 12:00:30 London: no reminder, digest or midnight falls in the next minute. */
const NOW = '2026-11-25T12:00:30.000Z';
const DAY = 86_400_000;
const PER_SCHOOL = 333;
/** Past sessions per school over the year, and upcoming ones. */
const PAST = 8;
const UPCOMING = 2;

interface World {
  label: string;
  tenants: { id: string; staff: number }[];
}

function worldsFrom(spec: string): World[] {
  return spec.split(',').map((w) => {
    const [count, size] = w.includes('x') ? w.split('x').map(Number) : [1, Number(w)];
    return { label: count === 1 ? `1 tenant of ${size!.toLocaleString('en-GB')}` : `${count} tenants of ${size!.toLocaleString('en-GB')}`, tenants: Array.from({ length: count! }, (_, i) => ({ id: `t${size}-${i}`, staff: size! })) };
  });
}

async function seedTenant(store: Store, id: string, size: number): Promise<void> {
  await store.tenants.put(tenant(id));
  await store.calendars.put(alwaysOpenCalendar(id));
  const schools = Math.max(1, Math.round(size / PER_SCHOOL));
  const people: Staff[] = Array.from({ length: size }, (_, i) => staff(id, `s${i}`, { schoolId: `school-${i % schools}`, ...(i < schools ? { roles: ['cpd-lead'] } : { lineManagerId: `s${i % schools}` }) }));
  for (let i = 0; i < people.length; i += 1000) await store.staff.createMany(people.slice(i, i + 1000));
  const sessions: Session[] = [];
  const participations: Participation[] = [];
  const receipts: ResponseReceipt[] = [];
  for (let school = 0; school < schools; school++) {
    const audience = people.filter((_, i) => i % schools === school);
    for (let k = -PAST; k < UPCOMING; k++) {
      // Past sessions every five weeks back over the year; upcoming ones in the next fortnight.
      const start = Date.parse(NOW) + (k < 0 ? k * 35 * DAY : (k + 1) * 6 * DAY) + 4 * 3600_000;
      const s = session(id, `ses-${school}-${k + PAST}`, {
        audience: { kind: 'school', schoolId: `school-${school}` },
        startsAt: new Date(start).toISOString(),
        endsAt: new Date(start + 90 * 60_000).toISOString(),
        publishedAt: new Date(start - 14 * DAY).toISOString(),
      });
      sessions.push(s);
      audience.forEach((p, i) => {
        if (i % 2) return; // half say yes
        participations.push({ tenantId: id, id: participationId(s.id, p.id), sessionId: s.id, staffId: p.id, rsvp: 'yes', ...(k < 0 ? { attended: true } : {}) });
        if (k < 0 && i % 4 === 0) receipts.push({ tenantId: id, id: receiptId(reactionQuestionnaireId(s.id), p.id), questionnaireId: reactionQuestionnaireId(s.id), staffId: p.id });
      });
    }
  }
  await store.sessions.createMany(sessions);
  for (let i = 0; i < participations.length; i += 1000) await store.participations.createMany(participations.slice(i, i + 1000));
  for (let i = 0; i < receipts.length; i += 1000) await store.receipts.createMany(receipts.slice(i, i + 1000));
}

interface Row {
  world: string;
  staff: number;
  wholeTick: number;
  idleTick: number;
  idleQueries: number;
  editTick: number;
  editTouches: number;
  editSubjects: number;
}

async function measure(world: World): Promise<Row> {
  const clock = new ManualClock(NOW);
  const store = openEmbeddedStore({ path: ':memory:', clock });
  for (const t of world.tenants) await seedTenant(store, t.id, t.staff);
  // Settle: the first passes plan every tenant whole and each session's wake-up.
  for (let i = 0; i < 10 && (await planChanges({ store, clock, instanceId: 'bench' })).subjects > 0; i++);

  // Before: every tick planned every tenant whole.
  const before = countingReads(store);
  for (const t of world.tenants) await planTenant({ store: before.store, clock }, t.id);

  clock.advance(60_000);
  const idle = countingReads(store);
  const idlePass = await planChanges({ store: idle.store, clock, instanceId: 'bench' });
  if (idlePass.subjects !== 0) throw new Error(`the idle tick planned ${idlePass.subjects} subjects`);

  // One upcoming session of the first tenant moves room: those coming are told.
  const edited = (await store.sessions.get(world.tenants[0]!.id, `ses-0-${PAST}`))!.value;
  await store.sessions.put({ ...edited, location: { place: 'Main hall' }, revision: edited.revision + 1 });
  clock.advance(60_000);
  const edit = countingReads(store);
  const editPass = await planChanges({ store: edit.store, clock, instanceId: 'bench' });
  const touches = await store.staff.count(world.tenants[0]!.id, { schoolId: 'school-0', active: true });
  await store.close();
  return {
    world: world.label,
    staff: world.tenants.reduce((n, t) => n + t.staff, 0),
    wholeTick: before.total(),
    idleTick: idle.total(),
    idleQueries: idle.calls(),
    editTick: edit.total(),
    editTouches: touches,
    editSubjects: editPass.subjects,
  };
}

function arg(name: string, fallback: string): string {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 && process.argv[i + 1] ? process.argv[i + 1]! : fallback;
}

async function main(): Promise<void> {
  const rows: Row[] = [];
  for (const world of worldsFrom(arg('worlds', '1000,20000,50x400'))) {
    const started = Date.now();
    rows.push(await measure(world));
    console.error(`scale: ${world.label} measured in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  }
  const n = (x: number) => x.toLocaleString('en-GB');
  console.log('| world | staff | tick before (whole tenants) | idle tick now | tick after one session edited | people that session touches |');
  console.log('|---|---|---|---|---|---|');
  for (const r of rows) console.log(`| ${r.world} | ${n(r.staff)} | ${n(r.wholeTick)} | ${n(r.idleTick)} (${r.idleQueries} query) | ${n(r.editTick)} (${r.editSubjects} subject) | ${n(r.editTouches)} |`);
  const small = rows.find((r) => r.world === '1 tenant of 1,000');
  const large = rows.find((r) => r.world === '1 tenant of 20,000');
  if (small && large) {
    const ratio = large.idleTick / Math.max(1, small.idleTick);
    console.log(`\nidle reads, 20,000 vs 1,000: ${n(large.idleTick)} vs ${n(small.idleTick)} documents (ratio ${large.idleTick === small.idleTick ? '1.0' : ratio.toFixed(2)}; goal ≤ 1.5)`);
    console.log(`an edit reads ${(large.editTick / Math.max(1, large.editTouches)).toFixed(1)} documents per person it touches at 20,000 staff, ${(small.editTick / Math.max(1, small.editTouches)).toFixed(1)} at 1,000`);
    if (large.idleTick > 1.5 * Math.max(1, small.idleTick)) process.exitCode = 1;
  }
}

void main();
