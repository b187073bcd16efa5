import { ManualClock, Questionnaire, DEFAULT_REACTION_QUESTIONS, participationId, receiptId, responseId, type Answers } from '../../../src/domain';
import { openEmbeddedStore, type EmbeddedStore } from '../../../src/store/embedded/sqlite-store';
import { gapTask, session, staff, tenant } from '../../support/fixtures';

/**
 * A small school in an in-memory embedded store, dated around Monday 23 November 2026 07:30
 * London (the digest covers 16–22 November). Manager m1 has reports a, b and c; m2 has d.
 * Tenant "other" has a person who claims lineManagerId m1 too: it must never show up.
 */
export const NOW = new Date('2026-11-23T07:30:00.000Z');
export const T = 'trust-a';

export async function reportWorld(options: { namedResponses?: number; anonymous?: boolean } = {}): Promise<{ store: EmbeddedStore; clock: ManualClock }> {
  const clock = new ManualClock(NOW);
  const store = openEmbeddedStore({ path: ':memory:', clock });
  await store.tenants.put(tenant(T));
  await store.tenants.put(tenant('other'));
  const people = [
    staff(T, 'lead', { name: 'Lead Person', roles: ['cpd-lead'] }),
    staff(T, 'm1', { name: 'Manager One', roles: ['line-manager'] }),
    staff(T, 'm2', { name: 'Manager Two', roles: ['line-manager'] }),
    staff(T, 'a', { name: 'Ada Report', lineManagerId: 'm1', department: 'Science' }),
    staff(T, 'b', { name: 'Ben Report', lineManagerId: 'm1', department: 'Science' }),
    staff(T, 'c', { name: 'Cat Report', lineManagerId: 'm1', department: 'Science' }),
    staff(T, 'd', { name: 'Dan Elsewhere', lineManagerId: 'm2', department: 'English' }),
    staff('other', 'x', { name: 'Xena OtherTrust', lineManagerId: 'm1' }),
  ];
  for (const p of people) await store.staff.put(p);

  // Wednesday 18 November 2026, 16:00–17:30 GMT: inside the digest week.
  const s1 = session(T, 's1', { title: 'Retrieval practice', startsAt: '2026-11-18T16:00:00.000Z', endsAt: '2026-11-18T17:30:00.000Z', followUpSessionId: 's2' });
  const s2 = session(T, 's2', { title: 'Retrieval practice 2', startsAt: '2026-12-08T16:00:00.000Z', endsAt: '2026-12-08T17:30:00.000Z' });
  const old = session(T, 's0', { title: 'September INSET', startsAt: '2026-09-01T08:00:00.000Z', endsAt: '2026-09-01T14:00:00.000Z' });
  const foreign = session('other', 's1', { title: 'Other trust session', startsAt: '2026-11-18T16:00:00.000Z', endsAt: '2026-11-18T17:30:00.000Z' });
  for (const s of [s1, s2, old, foreign]) await store.sessions.put(s);

  for (const id of ['a', 'b', 'c', 'd', 'lead']) {
    await store.participations.put({ tenantId: T, id: participationId('s1', id), sessionId: 's1', staffId: id, rsvp: 'yes', attended: id !== 'c' });
  }
  await store.participations.put({ tenantId: T, id: participationId('s0', 'a'), sessionId: 's0', staffId: 'a', attended: true });
  await store.participations.put({ tenantId: 'other', id: participationId('s1', 'x'), sessionId: 's1', staffId: 'x', attended: true });

  const anonymous = options.anonymous ?? false;
  await store.questionnaires.put(
    Questionnaire.parse({
      tenantId: T,
      id: 'q1',
      title: 'Reaction: Retrieval practice',
      purpose: 'reaction',
      sessionId: 's1',
      anonymous,
      questions: DEFAULT_REACTION_QUESTIONS,
      opensAt: '2026-11-18T17:30:00.000Z',
      closesAt: '2026-11-25T17:30:00.000Z',
    }),
  );
  const answers: Answers[] = [
    { quality: 5, impact: 4, further_cpd: true, comments: 'Need more time to plan quizzes' },
    { quality: 4, impact: 4, further_cpd: false, comments: 'Planning time for quizzes would help' },
    { quality: 3, impact: 2, further_cpd: true, comments: 'Behaviour strategies please' },
    { quality: 4, impact: 3, further_cpd: false },
    { quality: 2, impact: 1, further_cpd: false, comments: 'Too long after a full day' },
    { quality: 5, impact: 5, further_cpd: true, comments: 'Secret anonymous remark about behaviour' },
  ];
  const responders = ['a', 'b', 'd', 'lead', 'x1', 'x2'].slice(0, options.namedResponses ?? 2);
  for (const [i, who] of responders.entries()) {
    await store.receipts.put({ tenantId: T, id: receiptId('q1', who), questionnaireId: 'q1', staffId: who });
    if (anonymous) {
      await store.anonymousResponses.put({ tenantId: T, id: `anon-${i}-${who.length}z`, questionnaireId: 'q1', sessionId: 's1', answers: answers[i]!, submittedOn: '2026-11-18' });
    } else {
      await store.responses.put({ tenantId: T, id: responseId('q1', who), questionnaireId: 'q1', sessionId: 's1', respondentId: who, answers: answers[i]!, submittedAt: '2026-11-18T18:00:00.000Z' });
    }
  }

  await store.gapTasks.put(gapTask(T, 's1', 'a', { dueAt: '2026-12-08T16:00:00.000Z', status: 'planned' }));
  await store.gapTasks.put(
    gapTask(T, 's0', 'a', {
      dueAt: '2026-10-01T16:00:00.000Z',
      status: 'reported',
      report: { whatDone: 'Quizzes', impactSoFar: 'Recall improved in 9X2', sustain: 'Share', successes: 'Calm starts', barriers: 'Time to write questions', shareWithManager: true, submittedAt: '2026-11-20T10:00:00.000Z' },
    }),
  );
  await store.gapTasks.put(
    gapTask(T, 's1', 'b', {
      dueAt: '2026-11-20T16:00:00.000Z',
      status: 'reported',
      report: { whatDone: 'x', impactSoFar: 'PRIVATE note Ben kept to himself', sustain: 'x', successes: 'x', barriers: 'Time', shareWithManager: false, submittedAt: '2026-11-19T10:00:00.000Z' },
    }),
  );
  await store.gapTasks.put(gapTask(T, 's0', 'b', { dueAt: '2026-11-01T16:00:00.000Z', status: 'awaiting-plan' }));
  await store.gapTasks.put(gapTask(T, 's1', 'd', { dueAt: '2026-11-01T16:00:00.000Z', status: 'awaiting-plan' }));
  await store.gapTasks.put(gapTask('other', 's1', 'x', { dueAt: '2026-11-01T16:00:00.000Z', status: 'awaiting-plan' }));
  return { store, clock };
}
