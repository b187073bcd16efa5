import fc from 'fast-check';
import { participationId, receiptId, SchoolCalendar, type GapTask, type Participation, type Session, type Staff } from '../../src/domain';
import { planOneSession } from '../../src/scheduler/plan/planner';
import { reactionQuestionnaireFor } from '../../src/scheduler/plan/planner-questionnaires';
import { withPlanned, type Plan, type PlanningInput } from '../../src/scheduler/plan/planner-types';
import { sessionWakeAt } from '../../src/scheduler/plan/wake-times';
import { gapTask, session, staff, tenant } from '../support/fixtures';

/**
 * The planner plans a session alone when it changes and again at its wake-up. That is only right
 * if, between a plan and the wake-up it computes, planning the unchanged session again plans
 * nothing the first plan did not: checked here against the rules themselves, at random instants.
 */

const T = 't1';
const HOUR = 3600_000;
const DAY = 24 * HOUR;
const ms = (iso: string) => Date.parse(iso);
const iso = (t: number) => new Date(t).toISOString();
const BASE = ms('2026-11-02T00:00:00.000Z');
const CALENDAR = SchoolCalendar.parse({ tenantId: T, holidays: [{ start: '2026-12-21', end: '2027-01-01', name: 'Christmas' }] });
const PEOPLE = ['s1', 's2', 's3', 's4'];

const person = fc.record({
  rsvp: fc.constantFrom(undefined, 'yes', 'no', 'waitlist'),
  attended: fc.constantFrom(undefined, true, false),
  answered: fc.boolean(),
  awayDays: fc.option(fc.integer({ min: -10, max: 90 }), { nil: undefined }),
  task: fc.option(
    fc.record({
      status: fc.constantFrom('awaiting-plan', 'planned', 'reported'),
      dueOffsetDays: fc.integer({ min: 1, max: 40 }),
      snoozeHours: fc.option(fc.integer({ min: 1, max: 24 * 20 }), { nil: undefined }),
    }),
    { nil: undefined },
  ),
});

const scenario = fc.record({
  startOffset: fc.integer({ min: 0, max: 60 * 24 }).map((h) => h * HOUR + 16 * HOUR),
  minutes: fc.constantFrom(60, 90, 120),
  status: fc.constantFrom('published', 'published', 'cancelled'),
  compulsory: fc.boolean(),
  gapTask: fc.boolean(),
  impact: fc.boolean(),
  revision: fc.integer({ min: 0, max: 2 }),
  closedEarly: fc.boolean(),
  people: fc.array(person, { minLength: PEOPLE.length, maxLength: PEOPLE.length }),
  nowOffset: fc.integer({ min: 0, max: 120 * 24 * 4 }).map((q) => q * 15 * 60_000),
  probes: fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { minLength: 6, maxLength: 6 }),
});

type Scenario = typeof scenario extends fc.Arbitrary<infer S> ? S : never;

function inputOf(s: Scenario): { input: PlanningInput; ses: Session } {
  const startsAt = BASE + s.startOffset;
  const ses = session(T, 'ses-1', {
    startsAt: iso(startsAt),
    endsAt: iso(startsAt + s.minutes * 60_000),
    publishedAt: iso(BASE - DAY),
    status: s.status as Session['status'],
    ...(s.status === 'cancelled' ? { cancelledAt: iso(BASE + s.nowOffset / 2) } : {}),
    compulsory: s.compulsory,
    revision: s.revision,
    ...(s.gapTask ? { gapTask: { intent: 'Retrieval practice', task: 'Plan three quizzes' } } : {}),
    ...(s.impact ? { impactFollowUp: { weeksAfter: 2 } } : {}),
  });
  const now = new Date(BASE + s.nowOffset);
  const base: PlanningInput = {
    tenant: tenant(T),
    calendar: CALENDAR,
    sessions: [ses],
    participations: [],
    questionnaires: [],
    templates: [],
    receipts: [],
    gapTasks: [],
    staff: [],
    pending: [],
    impactFollowUps: [],
    now,
  };
  const q = reactionQuestionnaireFor(base, ses);
  const questionnaire = s.closedEarly ? { ...q, closedEarlyAt: iso(Date.parse(q.opensAt) + 2 * DAY) } : q;
  const participations: Participation[] = [];
  const people: Staff[] = [];
  const tasks: GapTask[] = [];
  s.people.forEach((p, i) => {
    const id = PEOPLE[i]!;
    people.push(staff(T, id, p.awayDays === undefined ? {} : { awayUntil: iso(BASE + p.awayDays * DAY).slice(0, 10) }));
    participations.push({ tenantId: T, id: participationId(ses.id, id), sessionId: ses.id, staffId: id, ...(p.rsvp ? { rsvp: p.rsvp as Participation['rsvp'] } : {}), ...(p.attended !== undefined ? { attended: p.attended } : {}) });
    if (p.task) {
      const due = Date.parse(ses.endsAt) + p.task.dueOffsetDays * DAY;
      tasks.push(gapTask(T, ses.id, id, { dueAt: iso(due), status: p.task.status as GapTask['status'], ...(p.task.snoozeHours ? { snoozedUntil: iso(Date.parse(ses.endsAt) + p.task.snoozeHours * HOUR) } : {}) }));
    }
  });
  const receipts = s.people.flatMap((p, i) => (p.answered ? [{ tenantId: T, id: receiptId(questionnaire.id, PEOPLE[i]!), questionnaireId: questionnaire.id, staffId: PEOPLE[i]! }] : []));
  // The questionnaire is stored once the session has ended (the planner creates it then).
  const ended = now >= new Date(ses.endsAt);
  return { ses, input: { ...base, participations, staff: people, gapTasks: tasks, questionnaires: ended ? [questionnaire] : [], receipts } };
}

const idsOf = (plan: Plan): string[] => [
  ...plan.deliveries.map((d) => `delivery ${d.id} ${d.kind} ${d.recipientId}`),
  ...plan.questionnaires.map((q) => `questionnaire ${q.id}`),
  ...plan.gapTasks.map((t) => `gap task ${t.id}`),
  ...plan.impactFollowUps.map((f) => `impact follow-up ${f.id}`),
  ...plan.cancellations.map((c) => `cancel ${c.id}`),
];

describe('a session planned alone wakes up before any rule plans something new', () => {
  it('between a plan and its wake-up, planning again plans nothing new', () => {
    fc.assert(
      fc.property(scenario, (s) => {
        const { input, ses } = inputOf(s);
        const first = planOneSession(input, ses);
        const after = withPlanned(input, first);
        const wake = sessionWakeAt(after, ses);
        const known = new Set(idsOf(first));
        const until = wake ? wake.getTime() : input.now.getTime() + 400 * DAY;
        // Random instants up to the wake-up, and the last millisecond before it.
        const probes = [...s.probes.map((p) => input.now.getTime() + 1 + Math.floor(p * (until - input.now.getTime() - 2))), until - 1];
        for (const t of probes) {
          if (t <= input.now.getTime()) continue;
          const later = planOneSession({ ...after, now: new Date(t) }, ses);
          const fresh = idsOf(later).filter((id) => !known.has(id));
          if (fresh.length) throw new Error(`at ${iso(t)} (now ${input.now.toISOString()}, wake ${wake?.toISOString()}): ${fresh.join('; ')}`);
        }
      }),
      { numRuns: Number(process.env.WAKE_RUNS ?? 300) },
    );
  });

  it('wakes up for the rules still to come, and not at all once the session is history', () => {
    const { input, ses } = inputOf({
      startOffset: 10 * DAY,
      minutes: 90,
      status: 'published',
      compulsory: false,
      gapTask: false,
      impact: false,
      revision: 0,
      closedEarly: false,
      people: PEOPLE.map(() => ({ rsvp: 'yes', attended: undefined, answered: false, awayDays: undefined, task: undefined })),
      nowOffset: 0,
      probes: [],
    });
    // Ten days before: the next rule is the day-before reminder (15:00 London, GMT in November).
    expect(sessionWakeAt(input, ses)?.toISOString()).toBe(iso(BASE + 9 * DAY + 15 * HOUR));
    const longAfter = { ...input, now: new Date(BASE + 200 * DAY) };
    expect(sessionWakeAt(longAfter, ses)).toBeUndefined();
  });
});
