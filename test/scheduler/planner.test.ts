import { DateTime } from 'luxon';
import {
  SchoolCalendar,
  defaultReactionTemplate,
  gapTaskId,
  participationId,
  receiptId,
  type Delivery,
  type Participation,
  type Session,
} from '../../src/domain';
import { resolveAudience } from '../../src/scheduler/plan/audience';
import { planDeliveries, type PlanningInput } from '../../src/scheduler/plan/planner';
import { reactionQuestionnaireFor, reactionQuestionnaireId } from '../../src/scheduler/plan/planner-questionnaires';
import { gapTask, session, staff, tenant } from '../support/fixtures';

const T = 't1';
const people = [
  staff(T, 's1', { schoolId: 'sch-1', department: 'Maths', pathway: 'ect', lineManagerId: 'm1' }),
  staff(T, 's2', { schoolId: 'sch-1', department: 'English', lineManagerId: 'm1' }),
  staff(T, 's3', { schoolId: 'sch-2', department: 'maths' }),
  staff(T, 'm1', { roles: ['line-manager'] }),
  staff(T, 'lead', { roles: ['cpd-lead'] }),
  staff(T, 'gone', { active: false }),
];
const rsvp = (sessionId: string, staffId: string, extra: Partial<Participation> = {}): Participation => ({
  tenantId: T,
  id: participationId(sessionId, staffId),
  sessionId,
  staffId,
  ...extra,
});
// Tuesday 24 November 2026, 16:00–17:30 GMT, published the Monday before.
const ses = (extra: Partial<Session> = {}) => session(T, 'ses-1', { publishedAt: '2026-11-16T09:00:00.000Z', ...extra });

function input(now: string, extra: Partial<PlanningInput> = {}): PlanningInput {
  return {
    tenant: tenant(T),
    calendar: SchoolCalendar.parse({ tenantId: T, holidays: [{ start: '2026-12-21', end: '2027-01-01' }] }),
    sessions: [ses()],
    participations: [rsvp('ses-1', 's1', { rsvp: 'yes' }), rsvp('ses-1', 's2', { rsvp: 'no' })],
    questionnaires: [],
    templates: [],
    receipts: [],
    gapTasks: [],
    staff: people,
    pending: [],
    now: new Date(now),
    ...extra,
  };
}
const of = (ds: Delivery[], kind: Delivery['kind']) => ds.filter((d) => d.kind === kind);
const who = (ds: Delivery[]) => ds.map((d) => d.recipientId).sort();

describe('resolveAudience', () => {
  it('resolves trust, school, pathway, department (any case) and named staff, active only', () => {
    expect(resolveAudience({ kind: 'trust' }, people).map((s) => s.id)).not.toContain('gone');
    expect(resolveAudience({ kind: 'school', schoolId: 'sch-1' }, people).map((s) => s.id)).toEqual(['s1', 's2']);
    expect(resolveAudience({ kind: 'pathway', pathway: 'ect' }, people).map((s) => s.id)).toEqual(['s1']);
    expect(resolveAudience({ kind: 'department', department: 'Maths' }, people).map((s) => s.id)).toEqual(['s1', 's3']);
    expect(resolveAudience({ kind: 'staff', staffIds: ['s3', 'gone', 'nobody'] }, people).map((s) => s.id)).toEqual(['s3']);
  });
});

describe('planDeliveries: sessions', () => {
  it('invites the whole audience when a session is published, with deterministic ids', () => {
    const a = planDeliveries(input('2026-11-16T09:01:00.000Z'));
    const b = planDeliveries(input('2026-11-16T09:05:00.000Z'));
    expect(who(of(a.deliveries, 'invitation'))).toEqual(['lead', 'm1', 's1', 's2', 's3']);
    expect(of(a.deliveries, 'invitation').map((d) => d.id)).toEqual(of(b.deliveries, 'invitation').map((d) => d.id));
    // Published at 09:00, first planned at 09:01: due then (a rule time already past is due now).
    expect(of(a.deliveries, 'invitation')[0]!.dueAt).toBe('2026-11-16T09:01:00.000Z');
  });

  it('plans nothing for drafts', () => {
    const plan = planDeliveries(input('2026-11-16T09:01:00.000Z', { sessions: [ses({ status: 'draft' })] }));
    expect(plan.deliveries.filter((d) => d.subject.sessionId)).toEqual([]);
  });

  it('reminds those who said yes the day before at 15:00 and 60 minutes before', () => {
    const before = planDeliveries(input('2026-11-23T14:59:00.000Z'));
    expect(of(before.deliveries, 'reminder-day-before')).toEqual([]);
    const dayBefore = planDeliveries(input('2026-11-23T15:00:00.000Z'));
    expect(of(dayBefore.deliveries, 'reminder-day-before').map((d) => [d.recipientId, d.dueAt])).toEqual([
      ['s1', '2026-11-23T15:00:00.000Z'],
    ]);
    const hour = planDeliveries(input('2026-11-24T15:00:00.000Z'));
    expect(of(hour.deliveries, 'reminder-hour-before').map((d) => [d.recipientId, d.dueAt])).toEqual([
      ['s1', '2026-11-24T15:00:00.000Z'],
    ]);
  });

  it('reminds the whole audience for a compulsory session', () => {
    const plan = planDeliveries(input('2026-11-24T15:00:00.000Z', { sessions: [ses({ compulsory: true })] }));
    expect(who(of(plan.deliveries, 'reminder-hour-before'))).toEqual(['lead', 'm1', 's1', 's2', 's3']);
  });

  it('uses the tenant settings for reminder times', () => {
    const t = tenant(T);
    t.settings = { ...t.settings, reminderDayBeforeAt: '09:00', reminderMinutesBefore: 30 };
    expect(of(planDeliveries(input('2026-11-23T08:59:00.000Z', { tenant: t })).deliveries, 'reminder-day-before')).toEqual([]);
    const dayBefore = planDeliveries(input('2026-11-23T09:00:00.000Z', { tenant: t }));
    expect(of(dayBefore.deliveries, 'reminder-day-before')[0]!.dueAt).toBe('2026-11-23T09:00:00.000Z');
    expect(of(planDeliveries(input('2026-11-24T15:29:00.000Z', { tenant: t })).deliveries, 'reminder-hour-before')).toEqual([]);
    const shortlyBefore = planDeliveries(input('2026-11-24T15:30:00.000Z', { tenant: t }));
    expect(of(shortlyBefore.deliveries, 'reminder-hour-before')[0]!.dueAt).toBe('2026-11-24T15:30:00.000Z');
  });

  it('sends the hour-before reminder of an evening session despite quiet hours', () => {
    const evening = ses({ startsAt: '2026-11-24T18:30:00.000Z', endsAt: '2026-11-24T19:30:00.000Z' });
    const plan = planDeliveries(input('2026-11-24T17:30:00.000Z', { sessions: [evening] }));
    expect(of(plan.deliveries, 'reminder-hour-before')[0]!.dueAt).toBe('2026-11-24T17:30:00.000Z');
  });

  it('defers a day-before reminder that falls on Sunday to Monday morning, before the session', () => {
    const monday = ses({ startsAt: '2026-11-30T16:00:00.000Z', endsAt: '2026-11-30T17:30:00.000Z' });
    const plan = planDeliveries(input('2026-11-29T15:00:00.000Z', { sessions: [monday] }));
    expect(of(plan.deliveries, 'reminder-day-before')[0]!.dueAt).toBe('2026-11-30T07:30:00.000Z');
  });

  it('sends on a weekend when the session itself is then', () => {
    const saturday = ses({ startsAt: '2026-11-28T10:00:00.000Z', endsAt: '2026-11-28T12:00:00.000Z' });
    const plan = planDeliveries(input('2026-11-28T09:00:00.000Z', { sessions: [saturday] }));
    expect(of(plan.deliveries, 'reminder-hour-before')[0]!.dueAt).toBe('2026-11-28T09:00:00.000Z');
  });

  it('keeps 15:00 local for the day-before reminder across the October clock change', () => {
    // Session Monday 26 October 2026 (GMT); the day before is Sunday 25th, the change day: deferred to Monday 07:30 GMT.
    const s = ses({ startsAt: '2026-10-26T16:00:00.000Z', endsAt: '2026-10-26T17:00:00.000Z', publishedAt: '2026-10-01T09:00:00.000Z' });
    const plan = planDeliveries(input('2026-10-25T15:00:00.000Z', { sessions: [s] }));
    expect(of(plan.deliveries, 'reminder-day-before')[0]!.dueAt).toBe('2026-10-26T07:30:00.000Z');
    // Session Wednesday 1 April 2026 (BST): the day before at 15:00 BST = 14:00Z.
    const spring = ses({ startsAt: '2026-04-01T15:00:00.000Z', endsAt: '2026-04-01T16:00:00.000Z', publishedAt: '2026-03-20T09:00:00.000Z' });
    const p2 = planDeliveries(input('2026-03-31T14:00:00.000Z', { sessions: [spring] }));
    expect(of(p2.deliveries, 'reminder-day-before')[0]!.dueAt).toBe('2026-03-31T14:00:00.000Z');
  });

  it('tells those coming about a cancellation, and cancels pending messages about the session', () => {
    const pending: Delivery = {
      ...planDeliveries(input('2026-11-23T15:00:00.000Z')).deliveries.find((d) => d.kind === 'reminder-day-before')!,
    };
    const plan = planDeliveries(
      input('2026-11-23T15:01:00.000Z', {
        sessions: [ses({ status: 'cancelled', cancelledAt: '2026-11-23T15:00:30.000Z' })],
        pending: [pending],
      }),
    );
    expect(plan.deliveries.filter((d) => d.subject.sessionId).map((d) => [d.kind, d.recipientId])).toEqual([['session-cancelled', 's1']]);
    expect(plan.cancellations.map((d) => [d.id, d.status])).toEqual([[pending.id, 'cancelled']]);
  });

  it('tells those coming about a change, once per revision', () => {
    const plan = planDeliveries(input('2026-11-20T10:00:00.000Z', { sessions: [ses({ revision: 2 })] }));
    const changed = of(plan.deliveries, 'session-changed');
    expect(who(changed)).toEqual(['s1']);
    const again = planDeliveries(input('2026-11-20T10:00:00.000Z', { sessions: [ses({ revision: 3 })] }));
    expect(of(again.deliveries, 'session-changed')[0]!.id).not.toBe(changed[0]!.id);
  });

  it('plans nothing about a session that has begun', () => {
    const plan = planDeliveries(input('2026-11-24T16:30:00.000Z'));
    expect(plan.deliveries.filter((d) => d.subject.sessionId === 'ses-1')).toEqual([]);
  });
});

describe('planDeliveries: reaction questionnaire', () => {
  const attended = [
    rsvp('ses-1', 's1', { rsvp: 'yes', attended: true }),
    rsvp('ses-1', 's2', { rsvp: 'yes', attended: false }),
    rsvp('ses-1', 's3', { rsvp: 'no', attended: true }),
  ];

  it('creates the questionnaire at the end, from the default template, closing after 7 days', () => {
    expect(planDeliveries(input('2026-11-24T17:29:00.000Z')).questionnaires).toEqual([]);
    const plan = planDeliveries(input('2026-11-24T17:30:00.000Z'));
    expect(plan.questionnaires).toHaveLength(1);
    const q = plan.questionnaires[0]!;
    expect(q.id).toBe(reactionQuestionnaireId('ses-1'));
    expect(q.questions).toEqual(defaultReactionTemplate(T).questions);
    expect([q.opensAt, q.closesAt]).toEqual(['2026-11-24T17:30:00.000Z', '2026-12-01T17:30:00.000Z']);
  });

  it("uses the session's own template when it names one", () => {
    const tpl = { ...defaultReactionTemplate(T), id: 'tpl-short', questions: [defaultReactionTemplate(T).questions[0]!] };
    const q = reactionQuestionnaireFor(input('2026-11-24T17:30:00.000Z', { templates: [tpl] }), ses({ questionnaireTemplateId: 'tpl-short' }));
    expect(q.templateId).toBe('tpl-short');
    expect(q.questions).toHaveLength(1);
  });

  it('sends to attendees when a register was taken, else to those who said yes', () => {
    const registered = planDeliveries(input('2026-11-24T17:30:00.000Z', { participations: attended }));
    expect(who(of(registered.deliveries, 'questionnaire'))).toEqual(['s1', 's3']);
    const noRegister = planDeliveries(input('2026-11-24T17:30:00.000Z'));
    expect(who(of(noRegister.deliveries, 'questionnaire'))).toEqual(['s1']);
  });

  it('defers a questionnaire at the end of an evening session to the next morning', () => {
    const evening = ses({ startsAt: '2026-11-24T17:00:00.000Z', endsAt: '2026-11-24T18:30:00.000Z' });
    const plan = planDeliveries(input('2026-11-24T18:30:00.000Z', { sessions: [evening] }));
    expect(of(plan.deliveries, 'questionnaire')[0]!.dueAt).toBe('2026-11-25T07:30:00.000Z');
  });

  it('reminds non-responders once after 24 hours, and never those who answered', () => {
    const q = planDeliveries(input('2026-11-24T17:30:00.000Z')).questionnaires[0]!;
    const receipts = [{ tenantId: T, id: receiptId(q.id, 's3'), questionnaireId: q.id, staffId: 's3' }];
    const early = planDeliveries(input('2026-11-25T17:29:00.000Z', { participations: attended, questionnaires: [q], receipts }));
    expect(of(early.deliveries, 'questionnaire-reminder')).toEqual([]);
    const plan = planDeliveries(input('2026-11-25T17:30:00.000Z', { participations: attended, questionnaires: [q], receipts }));
    expect(who(of(plan.deliveries, 'questionnaire-reminder'))).toEqual(['s1']);
    expect(plan.questionnaires).toEqual([]);
  });

  it('cancels a pending reminder once the person has answered', () => {
    const q = planDeliveries(input('2026-11-24T17:30:00.000Z')).questionnaires[0]!;
    const reminder = of(planDeliveries(input('2026-11-25T17:30:00.000Z', { questionnaires: [q] })).deliveries, 'questionnaire-reminder')[0]!;
    const receipts = [{ tenantId: T, id: receiptId(q.id, 's1'), questionnaireId: q.id, staffId: 's1' }];
    const plan = planDeliveries(input('2026-11-25T17:31:00.000Z', { questionnaires: [q], receipts, pending: [reminder] }));
    expect(plan.cancellations.map((d) => d.id)).toEqual([reminder.id]);
  });

  it('sends a closed update after closing to those who never answered', () => {
    const q = planDeliveries(input('2026-11-24T17:30:00.000Z')).questionnaires[0]!;
    const receipts = [{ tenantId: T, id: receiptId(q.id, 's3'), questionnaireId: q.id, staffId: 's3' }];
    const plan = planDeliveries(input('2026-12-01T17:30:00.000Z', { participations: attended, questionnaires: [q], receipts }));
    expect(who(of(plan.deliveries, 'questionnaire-closed'))).toEqual(['s1']);
    expect(of(plan.deliveries, 'questionnaire')).toEqual([]);
    expect(of(plan.deliveries, 'questionnaire-reminder')).toEqual([]);
  });
});

describe('planDeliveries: gap tasks', () => {
  const brief = { intent: 'Retrieval practice', task: 'Plan three quizzes' };
  const followUp = session(T, 'ses-2', { startsAt: '2026-12-08T16:00:00.000Z', endsAt: '2026-12-08T17:30:00.000Z' });

  it('creates gap tasks for attendees, due at the follow-up, and asks for a plan after session one', () => {
    const plan = planDeliveries(
      input('2026-11-24T17:30:00.000Z', { sessions: [ses({ gapTask: brief, followUpSessionId: 'ses-2' }), followUp] }),
    );
    expect(plan.gapTasks.map((t) => [t.staffId, t.dueAt, t.status])).toEqual([['s1', '2026-12-08T16:00:00.000Z', 'awaiting-plan']]);
    expect(of(plan.deliveries, 'gap-plan-request').map((d) => [d.recipientId, d.subject.gapTaskId])).toEqual([
      ['s1', gapTaskId('ses-1', 's1')],
    ]);
  });

  it('is due 14 days later without a follow-up session', () => {
    const plan = planDeliveries(input('2026-11-24T17:30:00.000Z', { sessions: [ses({ gapTask: brief })] }));
    expect(plan.gapTasks[0]!.dueAt).toBe('2026-12-08T17:30:00.000Z');
  });

  const task = gapTask(T, 'ses-1', 's1', { status: 'planned', dueAt: '2026-12-08T16:00:00.000Z' });
  const nudgeAt = (now: string, t = task) => of(planDeliveries(input(now, { gapTasks: [t] })).deliveries, 'gap-report-nudge');

  it('nudges 7, 3 and 1 days before, then once overdue, each a separate message', () => {
    expect(nudgeAt('2026-12-01T15:59:00.000Z')).toEqual([]);
    const ids = ['2026-12-01T16:00:00.000Z', '2026-12-05T16:00:00.000Z', '2026-12-07T16:00:00.000Z', '2026-12-08T16:01:00.000Z'].map(
      (now) => nudgeAt(now),
    );
    expect(ids.map((ds) => ds.length)).toEqual([1, 1, 1, 1]);
    expect(new Set(ids.map((ds) => ds[0]!.id)).size).toBe(4);
    // Saturday 5 December 16:00 → Monday 7 December 07:30; overdue at 16:01 → still allowed that day.
    expect(ids.map((ds) => ds[0]!.dueAt)).toEqual([
      '2026-12-01T16:00:00.000Z',
      '2026-12-07T07:30:00.000Z',
      '2026-12-07T16:00:00.000Z',
      '2026-12-08T16:01:00.000Z',
    ]);
    // After downtime, only the current step is planned, not every missed one.
    expect(nudgeAt('2026-12-07T20:00:00.000Z')).toHaveLength(1);
  });

  it('stops nudging once the report is in, and cancels a pending nudge', () => {
    const reported = { ...task, status: 'reported' as const };
    expect(nudgeAt('2026-12-05T16:00:00.000Z', reported)).toEqual([]);
    const pending = nudgeAt('2026-12-05T16:00:00.000Z')[0]!;
    const plan = planDeliveries(input('2026-12-05T16:10:00.000Z', { gapTasks: [reported], pending: [pending] }));
    expect(plan.cancellations.map((d) => d.id)).toEqual([pending.id]);
  });

  it('respects a snooze, then sends the step when it ends', () => {
    const snoozed = { ...task, snoozedUntil: '2026-12-03T08:00:00.000Z' };
    expect(nudgeAt('2026-12-02T10:00:00.000Z', snoozed)).toEqual([]);
    expect(nudgeAt('2026-12-03T08:00:00.000Z', snoozed).map((d) => d.dueAt)).toEqual(['2026-12-03T08:00:00.000Z']);
  });
});

describe('planDeliveries: weekly digests', () => {
  it('sends Monday 07:30 digests to line managers and CPD leads, one per ISO week', () => {
    expect(planDeliveries(input('2026-11-30T07:29:00.000Z')).deliveries.filter((d) => d.kind.endsWith('digest'))).toEqual([]);
    const plan = planDeliveries(input('2026-11-30T07:30:00.000Z'));
    expect(of(plan.deliveries, 'manager-digest').map((d) => [d.recipientId, d.subject.digestWeek, d.dueAt])).toEqual([
      ['m1', '2026-W49', '2026-11-30T07:30:00.000Z'],
    ]);
    expect(who(of(plan.deliveries, 'lead-digest'))).toEqual(['lead']);
    const later = planDeliveries(input('2026-12-02T10:00:00.000Z'));
    expect(of(later.deliveries, 'manager-digest')[0]!.id).toBe(of(plan.deliveries, 'manager-digest')[0]!.id);
  });

  it('follows a configured weekday and time, in BST too', () => {
    const t = tenant(T);
    t.settings = { ...t.settings, digestWeekday: 5, digestAt: '12:00' };
    const plan = planDeliveries(input('2026-06-05T11:00:00.000Z', { tenant: t }));
    expect(of(plan.deliveries, 'manager-digest')[0]!.dueAt).toBe('2026-06-05T11:00:00.000Z');
  });

  it('skips a digest deferred by a whole holiday week', () => {
    const plan = planDeliveries(input('2026-12-21T08:00:00.000Z'));
    expect(of(plan.deliveries, 'manager-digest')).toEqual([]);
  });
});

describe('planDeliveries: a rule time already past is due now, and now must be allowed too', () => {
  it('invites at 07:30, not 07:00, when the planner first runs at 07:00 on Monday long after publication', () => {
    // Published Monday 16 November; the planner's first run is Monday 23 November, 07:00 GMT.
    const plan = planDeliveries(input('2026-11-23T07:00:00.000Z'));
    expect(of(plan.deliveries, 'invitation').map((d) => d.dueAt)).toEqual(Array(5).fill('2026-11-23T07:30:00.000Z'));
  });

  it('does the same in summer time: 07:00 BST is 06:00Z, the first allowed time 07:30 BST (06:30Z)', () => {
    const june = ses({ startsAt: '2026-06-09T15:00:00.000Z', endsAt: '2026-06-09T16:00:00.000Z', publishedAt: '2026-05-20T09:00:00.000Z' });
    const plan = planDeliveries(input('2026-06-08T06:00:00.000Z', { sessions: [june] }));
    expect(new Set(of(plan.deliveries, 'invitation').map((d) => d.dueAt))).toEqual(new Set(['2026-06-08T06:30:00.000Z']));
  });

  it('after downtime, a nudge whose step began in the afternoon and is first planned at 02:00 is due at 07:30', () => {
    const task = gapTask(T, 'ses-1', 's1', { status: 'planned', dueAt: '2026-12-08T16:00:00.000Z' });
    const plan = planDeliveries(input('2026-12-02T02:00:00.000Z', { gapTasks: [task] }));
    expect(of(plan.deliveries, 'gap-report-nudge').map((d) => [d.dueAt, d.sendExemption])).toEqual([['2026-12-02T07:30:00.000Z', undefined]]);
  });

  it('a late hour-before reminder of a 16:00 session goes at once, inside its hour', () => {
    const plan = planDeliveries(input('2026-11-24T15:20:00.000Z'));
    expect(of(plan.deliveries, 'reminder-hour-before').map((d) => d.dueAt)).toEqual(['2026-11-24T15:20:00.000Z']);
  });

  it('a day-before reminder first planned at the weekend for a Monday session waits for Monday 07:30', () => {
    const monday = ses({ startsAt: '2026-11-30T16:00:00.000Z', endsAt: '2026-11-30T17:30:00.000Z' });
    const plan = planDeliveries(input('2026-11-29T20:00:00.000Z', { sessions: [monday] }));
    expect(of(plan.deliveries, 'reminder-day-before').map((d) => d.dueAt)).toEqual(['2026-11-30T07:30:00.000Z']);
  });

  it("session records carry the session's exemption for the dispatcher; others carry none", () => {
    const plan = planDeliveries(input('2026-11-30T07:30:00.000Z', { sessions: [ses({ startsAt: '2026-12-01T16:00:00.000Z', endsAt: '2026-12-01T17:30:00.000Z' })] }));
    expect(of(plan.deliveries, 'invitation')[0]!.sendExemption).toEqual({
      sessionDays: ['2026-12-01'],
      sessionSpan: { start: '2026-12-01T15:00:00.000Z', end: '2026-12-01T16:00:00.000Z' },
    });
    expect(of(plan.deliveries, 'manager-digest')[0]!.sendExemption).toBeUndefined();
  });

  it('planning again later creates the same ids, whatever the due time', () => {
    const first = planDeliveries(input('2026-11-23T07:00:00.000Z')).deliveries.map((d) => d.id);
    const again = planDeliveries(input('2026-11-23T07:45:00.000Z')).deliveries.filter((d) => d.kind === 'invitation').map((d) => d.id);
    expect(again.every((id) => first.includes(id))).toBe(true);
    expect(again).toHaveLength(5);
  });
});

describe('planDeliveries: every due time respects quiet hours, weekends and holidays', () => {
  it('never plans a delivery due in quiet hours or on a weekend unless about a session then', () => {
    const starts = ['2026-11-16T09:01:00.000Z', '2026-11-23T15:00:00.000Z', '2026-11-24T17:30:00.000Z', '2026-11-30T07:30:00.000Z'];
    for (const now of starts) {
      for (const d of planDeliveries(input(now)).deliveries) {
        const local = DateTime.fromISO(d.dueAt, { zone: 'Europe/London' });
        expect(local.weekday).toBeLessThan(6);
        expect(local.toFormat('HH:mm') >= '07:30' && local.toFormat('HH:mm') < '18:00').toBe(true);
      }
    }
  });
});
