import { DateTime } from 'luxon';
import { PLANNING_STAFF_FIELDS, SchoolCalendar, impactFollowUpId, Staff, participationId, statutoryTrainingId, type Participation } from '../../src/domain';
import { planDeliveries, type Plan, type PlanningInput } from '../../src/scheduler/plan/planner';
import { planCancellations } from '../../src/scheduler/plan/planner-cancellations';
import { planDigests } from '../../src/scheduler/plan/planner-digests';
import { planGapNudges, planGapTasks } from '../../src/scheduler/plan/planner-gap-tasks';
import { planImpactFollowUps } from '../../src/scheduler/plan/planner-impact';
import { planQuestionnaireMessages } from '../../src/scheduler/plan/planner-questionnaires';
import { planRequestNudges } from '../../src/scheduler/plan/planner-requests';
import { planSessionMessages } from '../../src/scheduler/plan/planner-sessions';
import { planStatutoryDue, planStatutoryRenewals } from '../../src/scheduler/plan/planner-statutory';
import { planSurveyMessages } from '../../src/scheduler/plan/planner-surveys';
import { cpdRequest } from '../support/cpd-request-fixtures';
import { delivery, gapTask, mathsAuditSurvey, session, staff, tenant } from '../support/fixtures';

/**
 * The staff fields each planner rule reads. A staff write changes a plan only through these
 * (src/store/change-log.ts plans nothing for a write that changes none of PLANNING_STAFF_FIELDS),
 * so a rule that starts reading another field fails here until that field is added there.
 */
const READS: Record<string, readonly string[]> = {
  // The audience: who is in the school, department or pathway, and active.
  sessionMessages: ['active', 'department', 'id', 'pathway', 'schoolId'],
  // These follow the session's participations and gap tasks, not the staff list.
  questionnaireMessages: [],
  gapTasks: [],
  gapNudges: [],
  cancellations: [],
  digests: ['active', 'id', 'lineManagerId', 'roles'],
  surveyMessages: ['active', 'department', 'id'],
  requestNudges: ['id', 'roles'],
  // The person, every trust CPD lead, and the person's school's own lead (settings, school-cpd-lead.<school>).
  statutoryRenewals: ['active', 'id', 'roles', 'schoolId'],
  // Who has a required topic never recorded: by their statutory groups (settings, statutory-group.<group>).
  statutoryDue: ['active', 'id', 'statutoryGroups', 'tenantId'],
  impactFollowUps: ['id', 'lineManagerId'],
  // planDeliveries itself: a reminder or nudge is held while its recipient is away.
  heldWhileAway: ['awayUntil', 'id'],
};

/**
 * Planning fields no rule reads: `awayFrom` is written with `awayUntil` in one put (set-away.ts),
 * and moves gap-task due dates there, not in the planner.
 */
const PLANNED_BUT_NOT_READ = new Set(['awayFrom']);

/** Read by the rules but never changed by a write: a person's id and tenant are who they are. */
const FIXED = new Set(['id', 'tenantId']);

const T = 't1';
const STAFF_FIELDS = new Set(Object.keys(Staff.shape));

/** The people, each behind a proxy that notes every Staff field a rule reads. */
function watched(people: Staff[], reads: Set<string>): Staff[] {
  return people.map(
    (person) =>
      new Proxy(person, {
        get(target, prop, receiver) {
          if (typeof prop === 'string' && STAFF_FIELDS.has(prop)) reads.add(prop);
          return Reflect.get(target, prop, receiver) as unknown;
        },
        ownKeys(target) {
          // A spread or Object.keys reads every field: noted as such, so it cannot hide a read.
          for (const key of Reflect.ownKeys(target)) if (typeof key === 'string') reads.add(key);
          return Reflect.ownKeys(target);
        },
      }),
  );
}

const people = (): Staff[] => [
  staff(T, 's1', { schoolId: 'sch-1', department: 'Maths', pathway: 'ect', lineManagerId: 'm1' }),
  staff(T, 's2', { schoolId: 'sch-1', department: 'English', lineManagerId: 'm1', awayFrom: '2026-11-20', awayUntil: '2027-03-01' }),
  staff(T, 'm1', { roles: ['staff', 'line-manager'] }),
  staff(T, 'lead', { roles: ['staff', 'cpd-lead'] }),
  staff(T, 'head', { roles: ['staff', 'senior-leader'] }),
  staff(T, 'gone', { active: false, lineManagerId: 'm1' }),
];

// Tuesday 24 November 2026, 16:00–17:30, to the school, with an impact follow-up six weeks on.
const ses = session(T, 'ses-1', { publishedAt: '2026-11-16T09:00:00.000Z', audience: { kind: 'school', schoolId: 'sch-1' }, impactFollowUp: { weeksAfter: 6 } });
// The same week, to a department and to a pathway.
const byDepartment = session(T, 'ses-2', { publishedAt: '2026-11-16T09:00:00.000Z', startsAt: '2026-11-25T16:00:00.000Z', endsAt: '2026-11-25T17:00:00.000Z', audience: { kind: 'department', department: 'Maths' } });
const byPathway = session(T, 'ses-3', { publishedAt: '2026-11-16T09:00:00.000Z', startsAt: '2026-11-26T16:00:00.000Z', endsAt: '2026-11-26T17:00:00.000Z', audience: { kind: 'pathway', pathway: 'ect' } });
const rsvp = (staffId: string, extra: Partial<Participation> = {}): Participation => ({ tenantId: T, id: participationId('ses-1', staffId), sessionId: 'ses-1', staffId, ...extra });

function input(now: string, staffList: Staff[]): PlanningInput {
  return {
    tenant: tenant(T),
    calendar: SchoolCalendar.parse({ tenantId: T }),
    sessions: [ses, byDepartment, byPathway],
    impactSessions: [ses],
    participations: [rsvp('s1', { rsvp: 'yes', attended: true }), rsvp('s2', { rsvp: 'yes', attended: true }), rsvp('gone', { rsvp: 'yes' })],
    questionnaires: [mathsAuditSurvey(T)],
    templates: [],
    receipts: [],
    gapTasks: [gapTask(T, 'ses-1', 's1'), gapTask(T, 'ses-1', 's2')],
    staff: staffList,
    statutoryTraining: [{ tenantId: T, id: statutoryTrainingId('s1', 'safeguarding'), staffId: 's1', topic: 'safeguarding', completedOn: '2024-01-10', expiresOn: '2026-12-10', recordedAt: '2024-01-10T09:00:00.000Z' }],
    cpdRequests: [cpdRequest(T, 'req-1', { requesterId: 's1', steps: [{ role: 'line-manager', approverId: 'm1', reachedAt: '2026-11-02T09:00:00.000Z' }], submittedAt: '2026-11-02T09:00:00.000Z' })],
    pending: [delivery(T, 'gone', { kind: 'reminder-day-before', subject: { sessionId: 'ses-1' } })],
    // s1 answered the follow-up: their line manager is asked for their view.
    impactFollowUps: [
      {
        tenantId: T,
        id: impactFollowUpId('ses-1', 's1'),
        sessionId: 'ses-1',
        staffId: 's1',
        askedAt: '2027-01-05T08:30:00.000Z',
        status: 'answered',
        person: { applied: 'yes', how: 'Retrieval starters daily.', pupilChange: 'Better recall.', evidence: ['work-scrutiny'], submittedAt: '2027-01-06T08:30:00.000Z' },
      },
    ],
    now: new Date(now),
  };
}

const RULES: Record<string, (i: PlanningInput) => Plan | Plan[]> = {
  sessionMessages: (i) => i.sessions.map((s) => planSessionMessages(i, s)),
  questionnaireMessages: (i) => i.sessions.map((s) => planQuestionnaireMessages(i, s)),
  gapTasks: (i) => i.sessions.map((s) => planGapTasks(i, s)),
  gapNudges: (i) => i.gapTasks.map((t) => planGapNudges(i, t)),
  digests: (i) => planDigests(i),
  cancellations: (i) => planCancellations(i),
  surveyMessages: (i) => i.questionnaires.map((q) => planSurveyMessages(i, q)),
  requestNudges: (i) => (i.cpdRequests ?? []).map((r) => planRequestNudges(i, r)),
  statutoryRenewals: (i) => planStatutoryRenewals(i),
  statutoryDue: (i) => planStatutoryDue(i),
  impactFollowUps: (i) => planImpactFollowUps(i),
};

// Moments across the session's life and the weeks after it, so that every rule has something to plan.
const MOMENTS = ['2026-11-16T10:00:00.000Z', '2026-11-23T08:00:00.000Z', '2026-11-24T18:00:00.000Z', '2026-11-30T08:00:00.000Z', '2026-12-07T08:00:00.000Z', '2027-01-05T08:00:00.000Z', '2027-01-12T08:00:00.000Z'];

function readsOf(run: (i: PlanningInput) => unknown): string[] {
  const reads = new Set<string>();
  for (const at of MOMENTS) run(input(at, watched(people(), reads)));
  return [...reads].sort();
}

describe('the staff fields the planner reads', () => {
  test.each(Object.keys(RULES))('%s reads only the staff fields listed for it', (rule) => {
    expect(readsOf(RULES[rule]!)).toEqual([...READS[rule]!].sort());
  });

  test('the whole planner reads what its rules read, and the away fields for holding reminders and nudges', () => {
    expect(readsOf((i) => planDeliveries(i))).toEqual([...new Set(Object.values(READS).flat())].sort());
  });

  test('every field a rule reads is a planning field (a change to it plans again), or fixed for the person', () => {
    const read = new Set(Object.values(READS).flat());
    const missing = [...read].filter((field) => !FIXED.has(field) && !(PLANNING_STAFF_FIELDS as readonly string[]).includes(field));
    expect(missing).toEqual([]);
    // And no planning field is kept that no rule reads.
    expect([...PLANNING_STAFF_FIELDS].filter((field) => !read.has(field) && !PLANNED_BUT_NOT_READ.has(field))).toEqual([]);
  });

  test('the moments span the session, its questionnaire, its gap tasks and the follow-up', () => {
    expect(DateTime.fromISO(MOMENTS.at(-1)!).diff(DateTime.fromISO(ses.endsAt), 'weeks').weeks).toBeGreaterThan(6);
  });
});
