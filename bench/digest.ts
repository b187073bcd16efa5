/**
 * Builds every weekly line-manager digest for a trust-sized tenant on the embedded store (a
 * SQLite file in a temp dir): 5,000 staff, 500 managers, 200 sessions over a school year,
 * 50,000 responses, 10,000 gap tasks. Seeding runs in this process; the digests are built in a
 * fresh child process so its peak RSS is the digest run's own. Goals: < 5 s, < 300 MB.
 *
 *   npx tsx bench/digest.ts
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DEFAULT_REACTION_QUESTIONS, ManualClock, Questionnaire, Session, Staff, Tenant, gapTaskId, participationId, receiptId, responseId } from '../src/domain';
import { buildAllDigests } from '../src/app/digests/all-manager-digests';
import { loadLeadDigest } from '../src/app/digests/load-lead-digest';
import { bulkLoad } from '../src/store/embedded/bulk-load';
import { openEmbeddedStore } from '../src/store/embedded/sqlite-store';
import type { CollectionName } from '../src/store/collections';
import type { TenantDoc } from '../src/store/port';

const TENANT = 'bench-trust';
const STAFF = 5000;
const MANAGERS = 500;
const SESSIONS = 200;
const RESPONSES = 50000;
const GAP_TASKS = 10000;
/** Monday 1 March 2027, 07:30 GMT: mid-year, with a week of sessions behind it. */
const NOW = new Date('2027-03-01T07:30:00.000Z');
const YEAR_START = Date.parse('2026-09-01T15:45:00.000Z');

function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => ((s = (s * 1664525 + 1013904223) >>> 0) / 2 ** 32);
}

async function seed(path: string): Promise<void> {
  const clock = new ManualClock(NOW);
  const store = openEmbeddedStore({ path, clock });
  const random = rng(42);
  // Seeding goes in one transaction (bulkLoad); the digests below are read through the normal port.
  const batches = new Map<CollectionName, TenantDoc[]>();
  const add = (collection: CollectionName, doc: object) => {
    if (!batches.has(collection)) batches.set(collection, []);
    batches.get(collection)!.push(doc as TenantDoc);
  };
  add('tenants', Tenant.parse({ tenantId: TENANT, id: TENANT, name: 'Bench Trust', kind: 'trust' }));
  const staffId = (i: number) => `st-${i}`;
  for (let i = 0; i < STAFF; i++) {
    // The first 500 are the managers (reporting to one of the first 10); everyone else has one of them.
    const manager = i < MANAGERS ? (i < 10 ? undefined : staffId(i % 10)) : staffId(i % MANAGERS);
    // st-0 is also the trust's CPD lead: the lead digest below is composed for them (a school lead's is scoped).
    const roles: Staff['roles'] = i === 0 ? ['line-manager', 'cpd-lead'] : i < MANAGERS ? ['line-manager'] : ['staff'];
    add('staff', Staff.parse({ tenantId: TENANT, id: staffId(i), name: `Person ${i}`, email: `p${i}@bench.example`, roles, department: `Dept ${i % 12}`, ...(manager ? { lineManagerId: manager } : {}) }));
  }
  const perSession = RESPONSES / SESSIONS;
  const weekMs = 7 * 24 * 3600 * 1000;
  for (let s = 0; s < SESSIONS; s++) {
    // Five or six sessions a week through the year.
    const startsAt = new Date(YEAR_START + Math.floor(s / 5.2) * weekMs + (s % 5) * 24 * 3600 * 1000);
    const session = Session.parse({
      tenantId: TENANT,
      id: `ses-${s}`,
      title: `Twilight ${s}`,
      category: (['TL', 'P', 'Tech', 'LD'] as const)[s % 4],
      kind: 'twilight',
      startsAt: startsAt.toISOString(),
      endsAt: new Date(startsAt.getTime() + 75 * 60000).toISOString(),
      location: { place: 'Hall' },
      audience: { kind: 'trust' },
      status: 'published',
    });
    add('sessions', session);
    const questionnaire = Questionnaire.parse({
      tenantId: TENANT,
      id: `q-${s}`,
      title: `Reaction ${s}`,
      purpose: 'reaction',
      sessionId: session.id,
      anonymous: s % 10 === 0,
      questions: DEFAULT_REACTION_QUESTIONS,
      opensAt: session.endsAt,
      closesAt: new Date(Date.parse(session.endsAt) + weekMs).toISOString(),
    });
    add('questionnaires', questionnaire);
    const offset = Math.floor(random() * STAFF);
    for (let k = 0; k < perSession; k++) {
      const who = staffId((offset + k * 7) % STAFF);
      add('participations', { tenantId: TENANT, id: participationId(session.id, who), sessionId: session.id, staffId: who, rsvp: 'yes', attended: true });
      add('receipts', { tenantId: TENANT, id: receiptId(questionnaire.id, who), questionnaireId: questionnaire.id, staffId: who });
      const answers = { quality: 1 + Math.floor(random() * 5), impact: 1 + Math.floor(random() * 5), further_cpd: random() < 0.3, comments: 'More time to plan with the department' };
      if (questionnaire.anonymous) {
        add('anonymousResponses', { tenantId: TENANT, id: `anon-${s}-${k}-${Math.floor(random() * 1e9)}`, questionnaireId: questionnaire.id, sessionId: session.id, answers, submittedOn: session.startsAt.slice(0, 10) });
      } else {
        add('responses', { tenantId: TENANT, id: responseId(questionnaire.id, who), questionnaireId: questionnaire.id, sessionId: session.id, respondentId: who, answers, submittedAt: session.endsAt });
      }
      if (k < GAP_TASKS / SESSIONS) {
        const due = new Date(Date.parse(session.startsAt) + 3 * weekMs).toISOString();
        const reported = random() < 0.5 && due < NOW.toISOString();
        add('gapTasks', {
          tenantId: TENANT,
          id: gapTaskId(session.id, who),
          sessionId: session.id,
          staffId: who,
          intent: 'Retrieval practice',
          task: 'Three quizzes',
          dueAt: due,
          status: reported ? 'reported' : random() < 0.5 ? 'planned' : 'awaiting-plan',
          ...(reported
            ? { report: { whatDone: 'Quizzes', impactSoFar: 'Recall improved', sustain: 'Share', successes: 'Calm starts', barriers: 'Time', shareWithManager: random() < 0.7, submittedAt: new Date(Date.parse(due) - 24 * 3600 * 1000).toISOString() } }
            : {}),
        });
      }
    }
  }
  await store.close();
  bulkLoad(path, [...batches].map(([collection, docs]) => ({ collection, docs })));
}

async function measure(path: string): Promise<void> {
  const store = openEmbeddedStore({ path, clock: new ManualClock(NOW) });
  const started = process.hrtime.bigint();
  const digests = await buildAllDigests({ store, clock: new ManualClock(NOW) }, TENANT, NOW);
  const ms = Number(process.hrtime.bigint() - started) / 1e6;
  const reports = digests.reduce((n, d) => n + d.view.reports.length, 0);
  const attended = digests.reduce((n, d) => n + d.view.totals.attended, 0);
  // One CPD lead's programme digest (composed per lead, like each delivery): a fortnight of sessions, not the year.
  const leadStarted = process.hrtime.bigint();
  const lead = await loadLeadDigest({ store, clock: new ManualClock(NOW) }, TENANT, 'st-0', NOW);
  const leadMs = Number(process.hrtime.bigint() - leadStarted) / 1e6;
  if (!lead.ok) throw new Error(lead.message);
  const peakMb = process.resourceUsage().maxRSS / 1024;
  console.log(JSON.stringify({ digests: digests.length, reports, attendedThisWeek: attended, ms: Math.round(ms), leadMs: Math.round(leadMs), leadHeld: lead.value.held.length, peakRssMb: Math.round(peakMb) }));
  await store.close();
}

async function main(): Promise<void> {
  if (process.argv[2] === '--measure') return measure(process.argv[3]!);
  const dir = mkdtempSync(join(tmpdir(), 'twilight-bench-'));
  const path = join(dir, 'bench.db');
  try {
    const t0 = Date.now();
    await seed(path);
    console.log(`seeded ${STAFF} staff, ${MANAGERS} managers, ${SESSIONS} sessions, ${RESPONSES} responses, ${GAP_TASKS} gap tasks in ${((Date.now() - t0) / 1000).toFixed(1)} s`);
    const out = execFileSync(process.execPath, [...process.execArgv, __filename, '--measure', path], { encoding: 'utf8' });
    const result = JSON.parse(out.trim().split('\n').pop()!) as { digests: number; reports: number; attendedThisWeek: number; ms: number; leadMs: number; leadHeld: number; peakRssMb: number };
    console.log(`built ${result.digests} digests (${result.reports} report rows, ${result.attendedThisWeek} attendances this week)`);
    console.log(`time ${(result.ms / 1000).toFixed(2)} s (goal < 5 s) · peak RSS ${result.peakRssMb} MB (goal < 300 MB)`);
    console.log(`one lead's programme digest (${result.leadHeld} sessions held that week): ${result.leadMs} ms`);
    if (result.ms >= 5000 || result.peakRssMb >= 300) process.exitCode = 1;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

void main();
