import {
  MentoringLink,
  MentoringMeeting,
  ProgressReview,
  Tenant,
  mentoringLinkId,
  mentoringMeetingId,
  progressReviewId,
  type MentorRole,
  type Staff,
} from '../../src/domain';
import type { Store } from '../../src/store/store';
import { staff } from './fixtures';

/**
 * A trust using mentoring (issue 30), written straight into the store as the agreed shapes
 * (src/domain/mentoring.ts). Monday 23 November 2026 (ISO week 48, even) is "today".
 *
 * Northfield: Tia is induction tutor to Ada and Ben; Tom to Eve. Mel is Ada's subject mentor and
 * Eve's professional mentor, and was Fay's until 31 October. Cole coaches Ada. Ben, Cat and Fay
 * have no mentor. Southgate: Dan has no mentor. Mo manages Ada. Nia supports nobody. Trust X has
 * the same ids: Mel there mentors Zed. Meeting notes, reflections and review summaries carry
 * "SECRET", which no view may show.
 */
export const M = 'trust-m';
export const X = 'trust-x';
export const MENTORING_NOW = '2026-11-23T10:00:00.000Z';
export const TODAY = '2026-11-23';

export const PEOPLE = {
  tia: { name: 'Tia Tutor', schoolId: 'sch-n' },
  tom: { name: 'Tom Tutor', schoolId: 'sch-n' },
  mel: { name: 'Mel Mentor', schoolId: 'sch-n' },
  cole: { name: 'Cole Coach', schoolId: 'sch-n' },
  ada: { name: 'Ada Early', schoolId: 'sch-n', pathway: 'ect', lineManagerId: 'mo' },
  ben: { name: 'Ben Early', schoolId: 'sch-n', pathway: 'ect' },
  cat: { name: 'Cat Early', schoolId: 'sch-n', pathway: 'ect' },
  dan: { name: 'Dan Early', schoolId: 'sch-s', pathway: 'ect' },
  eve: { name: 'Eve Early', schoolId: 'sch-n', pathway: 'ect' },
  fay: { name: 'Fay Early', schoolId: 'sch-n', pathway: 'ect' },
  mo: { name: 'Mo Manager', schoolId: 'sch-n', roles: ['staff', 'line-manager'] },
  lead: { name: 'Lena Lead', schoolId: 'sch-n', roles: ['staff', 'cpd-lead'] },
  nia: { name: 'Nia Nobody', schoolId: 'sch-n' },
} satisfies Record<string, Partial<Staff>>;
export type Person = keyof typeof PEOPLE;

export const SECRET = /SECRET/;
const AT = '2026-09-01T08:00:00.000Z';

export function mentoringTenant(id = M, name = 'Trust M'): Tenant {
  return Tenant.parse({ tenantId: id, id, name, kind: 'trust', schools: [{ id: 'sch-n', name: 'Northfield' }, { id: 'sch-s', name: 'Southgate' }] });
}

function link(tenantId: string, mentorId: string, menteeId: string, role: MentorRole, endOn?: string): MentoringLink {
  return MentoringLink.parse({ tenantId, id: mentoringLinkId(menteeId, role, '2026-09-01'), menteeId, mentorId, role, startOn: '2026-09-01', ...(endOn ? { endOn } : {}), source: 'roster', updatedAt: AT });
}

function meeting(menteeId: string, key: string, extra: Partial<MentoringMeeting> & Pick<MentoringMeeting, 'with' | 'weekStart' | 'status'>): MentoringMeeting {
  const assignmentId = `as-${menteeId}`;
  return MentoringMeeting.parse({ tenantId: M, id: mentoringMeetingId(assignmentId, key), assignmentId, menteeId, itemKey: key, kind: 'meeting', focus: `Focus ${key}`, updatedAt: AT, ...extra });
}

function record(heldOn: string, by: string, actions: { id: string; dueOn: string; done?: boolean }[], notes: string) {
  return {
    heldOn,
    focus: 'Held',
    wentWell: `${notes} went well`,
    actions: actions.map((a) => ({ id: a.id, text: `SECRET action ${a.id}`, dueOn: a.dueOn, ...(a.done ? { doneAt: '2026-09-30T10:00:00.000Z' } : {}) })),
    minutes: 60,
    recordedBy: by,
    recordedAt: `${heldOn}T16:00:00.000Z`,
  };
}

/** Seeds both trusts; `extra` adds fields (a platform identity) to a person of trust M. */
export async function seedMentoringWorld(store: Store, extra: (who: Person) => Partial<Staff> = () => ({})): Promise<void> {
  await store.tenants.put(mentoringTenant());
  for (const [id, p] of Object.entries(PEOPLE)) await store.staff.put(staff(M, id, { ...(p as Partial<Staff>), email: `${id}@m.example`, ...extra(id as Person) }));
  const links = [
    link(M, 'tia', 'ada', 'induction-tutor'),
    link(M, 'tia', 'ben', 'induction-tutor'),
    link(M, 'tom', 'eve', 'induction-tutor'),
    link(M, 'mel', 'ada', 'subject-mentor'),
    link(M, 'mel', 'eve', 'professional-mentor'),
    link(M, 'mel', 'fay', 'subject-mentor', '2026-10-31'),
    link(M, 'cole', 'ada', 'coach'),
  ];
  for (const l of links) await store.mentoringLinks.put(l);
  const meetings = [
    meeting('ada', 'm1', {
      with: 'subject-mentor',
      mentorId: 'mel',
      weekStart: '2026-09-14',
      status: 'held',
      record: record('2026-09-16', 'mel', [{ id: 'a1', dueOn: '2026-10-01', done: true }, { id: 'a2', dueOn: '2026-11-01' }, { id: 'a3', dueOn: '2026-12-10' }], 'SECRET-NOTES'),
      reflection: { text: 'SECRET-REFLECTION', at: '2026-09-17T10:00:00.000Z' },
    }),
    meeting('ada', 'm2', { with: 'subject-mentor', mentorId: 'mel', weekStart: '2026-11-09', status: 'planned' }),
    meeting('ada', 'm3', { with: 'subject-mentor', mentorId: 'mel', weekStart: '2026-11-23', status: 'planned', focus: 'Planning for progress' }),
    meeting('ada', 'm4', { with: 'subject-mentor', mentorId: 'mel', weekStart: '2026-12-07', status: 'planned' }),
    meeting('ada', 'm5', { with: 'subject-mentor', mentorId: 'mel', weekStart: '2026-10-05', status: 'cancelled' }),
    meeting('ada', 'c1', { with: 'coach', mentorId: 'cole', weekStart: '2026-10-12', status: 'held', record: record('2026-10-14', 'cole', [{ id: 'c-a1', dueOn: '2026-10-20' }], 'SECRET-COACHING') }),
    meeting('eve', 'e1', { with: 'professional-mentor', mentorId: 'mel', weekStart: '2026-11-02', status: 'held', record: record('2026-11-04', 'mel', [], 'SECRET-EVE') }),
  ];
  for (const m of meetings) await store.mentoringMeetings.put(m);
  const review = (menteeId: string, outcome: ProgressReview['outcome']) =>
    ProgressReview.parse({ tenantId: M, id: progressReviewId(menteeId, '2026-27', 1), menteeId, year: '2026-27', term: 1, outcome, summary: `SECRET-SUMMARY of ${menteeId}`, recordedBy: 'tia', recordedAt: '2026-11-20T15:00:00.000Z' });
  await store.progressReviews.put(review('ada', 'at-risk'));
  await store.progressReviews.put(review('eve', 'some-concerns'));

  // Trust X: the same ids, another trust's people.
  await store.tenants.put(mentoringTenant(X, 'Trust X'));
  await store.staff.put(staff(X, 'mel', { name: 'Xavier Mentor', schoolId: 'sch-n' }));
  await store.staff.put(staff(X, 'tia', { name: 'Xena Tutor', schoolId: 'sch-n' }));
  await store.staff.put(staff(X, 'zed', { name: 'Zed Other', schoolId: 'sch-n', pathway: 'ect' }));
  await store.mentoringLinks.put(link(X, 'mel', 'zed', 'subject-mentor'));
  await store.mentoringLinks.put(link(X, 'tia', 'zed', 'induction-tutor'));
}
