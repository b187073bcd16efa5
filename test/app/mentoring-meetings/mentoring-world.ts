import { MentoringLink, MentoringMeeting, SchoolCalendar, mentoringLinkId, mentoringMeetingId, type MentorRole } from '../../../src/domain';
import type { Store } from '../../../src/store/store';

/** Seed 000's first term for one new teacher: the shared shapes written straight into the store (the agreed contract). */
export const ASSIGNMENT = 'massign-jo-nqt';
export const M1 = mentoringMeetingId(ASSIGNMENT, 'm1');
export const M2 = mentoringMeetingId(ASSIGNMENT, 'm2');
export const REVIEW_T1 = mentoringMeetingId(ASSIGNMENT, 'review-y1-t1');

export const FOCUS_1 = 'Settling in. Q&A. Support mechanisms. Reflection.';
export const FOCUS_2 = 'Classroom climate and Behaviour for Learning. Experiences so far.';

export const AUTUMN_2026 = SchoolCalendar.parse({
  tenantId: 'x',
  terms: [
    { start: '2026-09-01', end: '2026-12-18', name: 'Autumn' },
    { start: '2027-01-04', end: '2027-03-26', name: 'Spring' },
    { start: '2027-04-12', end: '2027-07-21', name: 'Summer' },
  ],
  holidays: [
    { start: '2026-10-26', end: '2026-10-30', name: 'Half term' },
    { start: '2026-12-21', end: '2027-01-01', name: 'Christmas' },
  ],
});

export function link(tenantId: string, menteeId: string, mentorId: string, role: MentorRole, startOn = '2026-09-01'): MentoringLink {
  return MentoringLink.parse({ tenantId, id: mentoringLinkId(menteeId, role, startOn), menteeId, mentorId, role, startOn, source: 'roster', updatedAt: '2026-08-20T09:00:00.000Z' });
}

export function meeting(tenantId: string, id: string, fields: Partial<MentoringMeeting> & Pick<MentoringMeeting, 'weekStart' | 'focus'>): MentoringMeeting {
  return MentoringMeeting.parse({
    tenantId,
    id,
    assignmentId: ASSIGNMENT,
    menteeId: 'stf-jo',
    with: 'subject-mentor',
    itemKey: id,
    kind: 'meeting',
    status: 'planned',
    updatedAt: '2026-08-20T09:00:00.000Z',
    ...fields,
  });
}

/** Jo (an early-career teacher) with Sam as subject mentor and `tutorId` as induction tutor; the term's first two meetings and its review. */
export async function seedMentoring(store: Store, tenantId: string, people: { mentorId: string; tutorId?: string }): Promise<void> {
  await store.calendars.put({ ...AUTUMN_2026, tenantId });
  await store.mentoringLinks.create(link(tenantId, 'stf-jo', people.mentorId, 'subject-mentor'));
  if (people.tutorId) await store.mentoringLinks.create(link(tenantId, 'stf-jo', people.tutorId, 'induction-tutor'));
  await store.mentoringMeetings.create(meeting(tenantId, M1, { weekStart: '2026-09-07', focus: FOCUS_1, itemKey: 'm1' }));
  await store.mentoringMeetings.create(meeting(tenantId, M2, { weekStart: '2026-09-14', focus: FOCUS_2, itemKey: 'm2' }));
  await store.mentoringMeetings.create(meeting(tenantId, REVIEW_T1, { weekStart: '2026-12-07', focus: 'Termly progress review', itemKey: 'review-y1-t1', kind: 'progress-review', with: 'subject-mentor' }));
}
