import { DEFAULT_REACTION_QUESTIONS, Questionnaire, SchoolCalendar, gapTaskId, participationId, receiptId, type RsvpAnswer } from '../../../src/domain';
import { gapTask, session, staff } from '../../support/fixtures';
import { T, reportWorld } from '../reports/report-world';

/** Words that appear only in an anonymous answer: no lead digest may carry them. */
export const ANONYMOUS_REMARK = 'Oracy remark nobody may trace';

/**
 * The report world (Monday 23 November 2026 07:30, digest week 16–22 November) plus what a lead
 * watches: an Oracy twilight on Thursday with no register and one anonymous answer, a full
 * Behaviour session on Tuesday with two people waiting, an ECT session on Thursday, a cancelled
 * and a draft session, a staff survey nobody has answered, and a gap task due on Wednesday.
 * Tenant "other" gets its own lead (same id "lead") and a session of its own.
 */
export async function leadDigestWorld(options: { namedResponses?: number } = {}) {
  const world = await reportWorld(options);
  const { store } = world;
  const rsvp = async (tenantId: string, sessionId: string, staffId: string, answer: RsvpAnswer) =>
    store.participations.put({ tenantId, id: participationId(sessionId, staffId), sessionId, staffId, rsvp: answer });

  // Thursday 19 November, no register taken: the questionnaire went to the three who said yes.
  await store.sessions.put(session(T, 's3', { title: 'Oracy across the curriculum', startsAt: '2026-11-19T16:00:00.000Z', endsAt: '2026-11-19T17:00:00.000Z' }));
  for (const id of ['a', 'b', 'c']) await rsvp(T, 's3', id, 'yes');
  await rsvp(T, 's3', 'd', 'no');
  await store.questionnaires.put(
    Questionnaire.parse({
      tenantId: T,
      id: 'q3',
      title: 'Reaction: Oracy across the curriculum',
      purpose: 'reaction',
      sessionId: 's3',
      anonymous: true,
      questions: DEFAULT_REACTION_QUESTIONS,
      opensAt: '2026-11-19T17:00:00.000Z',
      closesAt: '2026-11-26T17:00:00.000Z',
    }),
  );
  await store.receipts.put({ tenantId: T, id: receiptId('q3', 'b'), questionnaireId: 'q3', staffId: 'b' });
  await store.anonymousResponses.put({
    tenantId: T,
    id: 'anon-oracy-1',
    questionnaireId: 'q3',
    sessionId: 's3',
    answers: { quality: 1, impact: 1, further_cpd: true, comments: ANONYMOUS_REMARK },
    submittedOn: '2026-11-20',
  });

  // Coming up: Tuesday 24 November is full (capacity 2) with two waiting; Thursday has no cap.
  await store.sessions.put(session(T, 's4', { title: 'Behaviour for learning', startsAt: '2026-11-24T16:00:00.000Z', endsAt: '2026-11-24T17:30:00.000Z', capacity: 2 }));
  for (const id of ['a', 'b']) await rsvp(T, 's4', id, 'yes');
  for (const id of ['c', 'd']) await rsvp(T, 's4', id, 'waitlist');
  await store.sessions.put(session(T, 's5', { title: 'ECT: adaptive teaching', startsAt: '2026-11-26T15:45:00.000Z', endsAt: '2026-11-26T17:00:00.000Z' }));
  await rsvp(T, 's5', 'a', 'yes');
  await store.sessions.put(session(T, 's6', { title: 'Cancelled coaching', startsAt: '2026-11-25T16:00:00.000Z', endsAt: '2026-11-25T17:00:00.000Z', status: 'cancelled' }));
  await store.sessions.put(session(T, 's7', { title: 'Draft twilight', startsAt: '2026-11-17T16:00:00.000Z', endsAt: '2026-11-17T17:00:00.000Z', status: 'draft' }));

  await store.questionnaires.put(
    Questionnaire.parse({
      tenantId: T,
      id: 'survey-audit',
      title: 'Staff CPD audit',
      purpose: 'survey',
      anonymous: false,
      questions: [{ id: 'useful', kind: 'likert', prompt: 'CPD this term was useful to me' }],
      opensAt: '2026-11-16T09:00:00.000Z',
      closesAt: '2026-11-30T17:00:00.000Z',
      recipientIds: ['a', 'b', 'c', 'd', 'm1', 'm2'],
    }),
  );
  // Due Wednesday 25 November: inside the coming seven days.
  await store.gapTasks.put(gapTask(T, 's3', 'c', { id: gapTaskId('s3', 'c'), dueAt: '2026-11-25T16:00:00.000Z' }));

  // The other trust: its own lead, with the same staff id, and its own session this week.
  await store.staff.put(staff('other', 'lead', { name: 'Olu OtherLead', roles: ['cpd-lead'] }));
  await store.staff.put(staff('other', 'solo', { name: 'Sol OtherLearner' }));
  await store.sessions.put(session('other', 's9', { title: 'Other trust induction', startsAt: '2026-11-17T16:00:00.000Z', endsAt: '2026-11-17T17:00:00.000Z' }));
  await store.participations.put({ tenantId: 'other', id: participationId('s9', 'solo'), sessionId: 's9', staffId: 'solo', rsvp: 'yes', attended: true });
  // Both trusts have their term dates in: the digest warns only when the next four weeks are not covered.
  for (const tenantId of [T, 'other']) {
    await store.calendars.put(SchoolCalendar.parse({ tenantId, terms: [{ start: '2026-09-03', end: '2026-12-18', name: 'Autumn term' }] }));
  }
  return world;
}
