/**
 * The governors' report for a trust of ten schools on the embedded store: 2,000 staff (200 a
 * school), a school year of 150 sessions (a trust-wide twilight every few weeks, each school's own
 * the rest), their attendance and reaction answers. Times the trust's report and one school's
 * (median of five after one warm-up), as `governors 2026-27` builds them in chat.
 *
 *   npx tsx bench/governors.ts
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DEFAULT_REACTION_QUESTIONS, ManualClock, Questionnaire, Session, Staff, Tenant, participationId } from '../src/domain';
import { loadGovernorsReport } from '../src/app/records/load-governors-report';
import { bulkLoad } from '../src/store/embedded/bulk-load';
import { openEmbeddedStore } from '../src/store/embedded/sqlite-store';
import type { CollectionName } from '../src/store/collections';
import type { TenantDoc } from '../src/store/port';

const TENANT = 'bench-trust';
const SCHOOLS = 10;
const PER_SCHOOL = 200;
const SESSIONS = 150;
/** Mid-July 2027: the whole school year 2026-27 is behind it. */
const NOW = new Date('2027-07-20T10:00:00.000Z');
const YEAR_START = Date.parse('2026-09-08T15:45:00.000Z');
const DAY = 24 * 3600 * 1000;

async function seed(path: string): Promise<void> {
  const clock = new ManualClock(NOW);
  await openEmbeddedStore({ path, clock }).close();
  const batches = new Map<CollectionName, TenantDoc[]>();
  const add = (collection: CollectionName, doc: object) => batches.set(collection, [...(batches.get(collection) ?? []), doc as TenantDoc]);
  const schools = Array.from({ length: SCHOOLS }, (_, i) => ({ id: `sch-${i}`, name: `School ${i}` }));
  add('tenants', Tenant.parse({ tenantId: TENANT, id: TENANT, name: 'Bench Trust', kind: 'trust', schools }));
  const pathways = ['developing-teacher', 'developing-teacher', 'developing-teacher', 'ect', 'support-staff', 'leadership'] as const;
  for (let i = 0; i < SCHOOLS * PER_SCHOOL; i++) {
    add('staff', Staff.parse({ tenantId: TENANT, id: `st-${i}`, name: `Person ${i}`, email: `p${i}@bench.example`, roles: i === 0 ? ['staff', 'cpd-lead'] : ['staff'], schoolId: schools[i % SCHOOLS]!.id, pathway: pathways[i % pathways.length] }));
  }
  for (let s = 0; s < SESSIONS; s++) {
    const trustWide = s % 15 === 0;
    const school = schools[s % SCHOOLS]!;
    const startsAt = new Date(YEAR_START + Math.floor(s / 5) * 7 * DAY + (s % 5) * DAY);
    const session = Session.parse({
      tenantId: TENANT,
      id: `ses-${s}`,
      title: `Twilight ${s}`,
      // Leadership only at the small sessions, so some schools' figures are small groups to withhold.
      category: s % 11 === 0 && !trustWide ? 'LD' : (['TL', 'P', 'Tech'] as const)[s % 3],
      kind: s % 7 === 0 ? 'inset' : 'twilight',
      startsAt: startsAt.toISOString(),
      endsAt: new Date(startsAt.getTime() + 75 * 60000).toISOString(),
      location: { place: 'Hall' },
      audience: trustWide ? { kind: 'trust' } : { kind: 'school', schoolId: school.id },
      ...(trustWide ? {} : { schoolId: school.id }),
      status: 'published',
    });
    add('sessions', session);
    const questionnaire = Questionnaire.parse({ tenantId: TENANT, id: `q-${s}`, title: `Reaction ${s}`, purpose: 'reaction', sessionId: session.id, anonymous: true, questions: DEFAULT_REACTION_QUESTIONS, opensAt: session.endsAt, closesAt: new Date(Date.parse(session.endsAt) + 7 * DAY).toISOString() });
    add('questionnaires', questionnaire);
    // A trust-wide session: a third of all staff; a school's own: most of its staff (two at the leadership ones, a small group in every school).
    const attendees = trustWide ? Array.from({ length: SCHOOLS * PER_SCHOOL }, (_, i) => i).filter((i) => i % 3 === s % 3) : Array.from({ length: s % 11 === 0 ? 2 : 40 + (s % 5) * 20 }, (_, k) => (s % SCHOOLS) + SCHOOLS * k);
    for (const [k, i] of attendees.entries()) {
      add('participations', { tenantId: TENANT, id: participationId(session.id, `st-${i}`), sessionId: session.id, staffId: `st-${i}`, rsvp: 'yes', attended: true });
      if (k % 2 === 0) add('anonymousResponses', { tenantId: TENANT, id: `anon-${s}-${k}`, questionnaireId: questionnaire.id, sessionId: session.id, answers: { quality: 1 + (k % 5), impact: 1 + ((k * 3) % 5) }, submittedOn: session.startsAt.slice(0, 10) });
    }
  }
  bulkLoad(path, [...batches].map(([collection, docs]) => ({ collection, docs })));
}

async function median(run: () => Promise<void>): Promise<number> {
  await run();
  const times: number[] = [];
  for (let i = 0; i < 5; i++) {
    const started = process.hrtime.bigint();
    await run();
    times.push(Number(process.hrtime.bigint() - started) / 1e6);
  }
  return times.sort((a, b) => a - b)[2]!;
}

async function main(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'twilight-governors-'));
  const path = join(dir, 'bench.db');
  try {
    await seed(path);
    const clock = new ManualClock(NOW);
    const store = openEmbeddedStore({ path, clock });
    const deps = { store, clock };
    let withheld = 0;
    const report = (school?: string) => async () => {
      const result = await loadGovernorsReport(deps, TENANT, NOW, '2026-27', school);
      if (!result.ok) throw new Error(result.message);
      withheld = result.value.sections.reduce((n, s) => n + s.rows.filter((r) => r.value.startsWith('withheld')).length, 0);
    };
    const trustMs = await median(report());
    const trustWithheld = withheld;
    const schoolMs = await median(report('School 3'));
    console.log(`governors' report, ${SCHOOLS} schools, ${SCHOOLS * PER_SCHOOL} staff, ${SESSIONS} sessions (embedded, median of 5): trust ${trustMs.toFixed(0)} ms (${trustWithheld} figures withheld), one school ${schoolMs.toFixed(0)} ms (${withheld} withheld)`);
    await store.close();
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

void main();
