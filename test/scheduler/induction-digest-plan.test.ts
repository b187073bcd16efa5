import { MentoringLink, SchoolCalendar, mentoringLinkId, type Delivery, type MentorRole } from '../../src/domain';
import { planDeliveries, type PlanningInput } from '../../src/scheduler/plan/planner';
import { tenantWakeAt } from '../../src/scheduler/plan/wake-times';
import { staff, tenant } from '../support/fixtures';

const T = 't1';
const people = [staff(T, 'tia'), staff(T, 'ada', { pathway: 'ect' }), staff(T, 'mel'), staff(T, 'old'), staff(T, 'ben', { pathway: 'ect', active: false }), staff(T, 'gone', { active: false })];
const link = (mentorId: string, menteeId: string, role: MentorRole, endOn?: string): MentoringLink =>
  MentoringLink.parse({ tenantId: T, id: mentoringLinkId(menteeId, role, '2026-09-01'), menteeId, mentorId, role, startOn: '2026-09-01', ...(endOn ? { endOn } : {}), source: 'roster', updatedAt: '2026-09-01T08:00:00.000Z' });
const LINKS = [
  link('tia', 'ada', 'induction-tutor'),
  // A subject mentor, a tutor whose link has ended, a tutor of someone who left, a tutor who left: none gets it.
  link('mel', 'ada', 'subject-mentor'),
  link('old', 'ada', 'induction-tutor', '2026-10-31'),
  link('mel', 'ben', 'induction-tutor'),
  link('gone', 'ada', 'induction-tutor'),
];

function input(now: string, extra: Partial<PlanningInput> = {}): PlanningInput {
  return {
    tenant: tenant(T),
    calendar: SchoolCalendar.parse({ tenantId: T, holidays: [{ start: '2026-12-21', end: '2027-01-01' }] }),
    sessions: [],
    participations: [],
    questionnaires: [],
    templates: [],
    receipts: [],
    gapTasks: [],
    staff: people,
    pending: [],
    mentoringLinks: LINKS,
    now: new Date(now),
    ...extra,
  };
}
const induction = (ds: Delivery[]) => ds.filter((d) => d.kind === 'induction-digest').map((d) => [d.recipientId, d.subject.digestWeek, d.dueAt]);

describe('the induction digest in the planner: fortnightly, on its own day, to current induction tutors', () => {
  it('in an even ISO week (2026-W48) goes to the current tutor of an active person only, at the digest time', () => {
    expect(induction(planDeliveries(input('2026-11-23T07:00:00.000Z')).deliveries)).toEqual([]);
    expect(induction(planDeliveries(input('2026-11-23T07:30:00.000Z')).deliveries)).toEqual([['tia', '2026-W48', '2026-11-23T07:30:00.000Z']]);
  });

  it('has the same id when planned again later that week (deterministic), and nothing in the odd week after', () => {
    const first = planDeliveries(input('2026-11-23T07:30:00.000Z')).deliveries.find((d) => d.kind === 'induction-digest')!;
    const again = planDeliveries(input('2026-11-23T09:00:00.000Z')).deliveries.find((d) => d.kind === 'induction-digest')!;
    expect(again.id).toBe(first.id);
    expect(induction(planDeliveries(input('2026-11-30T07:30:00.000Z')).deliveries)).toEqual([]);
    expect(induction(planDeliveries(input('2026-12-07T07:30:00.000Z')).deliveries)).toEqual([['tia', '2026-W50', '2026-12-07T07:30:00.000Z']]);
  });

  it('follows its own day (inductionDigestWeekday), apart from the manager digest', () => {
    const t = tenant(T);
    t.settings = { ...t.settings, inductionDigestWeekday: 3 };
    expect(induction(planDeliveries(input('2026-11-23T08:00:00.000Z', { tenant: t })).deliveries)).toEqual([]);
    expect(induction(planDeliveries(input('2026-11-25T07:30:00.000Z', { tenant: t })).deliveries)).toEqual([['tia', '2026-W48', '2026-11-25T07:30:00.000Z']]);
    // The tenant wakes for it on Wednesday, not only at midnight.
    expect(tenantWakeAt(input('2026-11-25T06:00:00.000Z', { tenant: t }))?.toISOString()).toBe('2026-11-25T07:30:00.000Z');
  });

  it('without links, nobody gets it', () => {
    expect(induction(planDeliveries(input('2026-11-23T07:30:00.000Z', { mentoringLinks: [] })).deliveries)).toEqual([]);
  });
});
