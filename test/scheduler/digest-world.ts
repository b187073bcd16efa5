import { Questionnaire, DEFAULT_REACTION_QUESTIONS, gapTaskId, participationId, receiptId, responseId, type Staff } from '../../src/domain';
import { reactionQuestionnaireId } from '../../src/scheduler/plan/planner-questionnaires';
import type { Store } from '../../src/store/store';
import { gapTask, session, staff, tenant } from '../support/fixtures';

/** Monday 23 November 2026, 07:30 in London (GMT): the default digest time. The digest week is 16–22 November. */
export const DIGEST_TIME = '2026-11-23T07:30:00.000Z';
/** Half an hour earlier: quiet hours, and not yet digest time. */
export const BEFORE_DIGEST_TIME = '2026-11-23T07:00:00.000Z';
export const A = 'trust-a';
export const B = 'trust-b';

/** The four people the digests go to: a line manager and a CPD lead in each trust, with the same staff ids. */
export const DIGEST_RECIPIENTS = [
  { key: 'leadA', tenantId: A, staffId: 'lead', name: 'Lena Lead' },
  { key: 'managerA', tenantId: A, staffId: 'mgr', name: 'Mo Manager' },
  { key: 'leadB', tenantId: B, staffId: 'lead', name: 'Bea Lead' },
  { key: 'managerB', tenantId: B, staffId: 'mgr', name: 'Bob Manager' },
] as const;
export type DigestRecipient = (typeof DIGEST_RECIPIENTS)[number];

export { virtualSleep } from '../support/test-scheduler';

/**
 * Two trusts in one store. Trust A: Mo manages Ada and Ben; Dan (managed by Meg) also came to
 * Wednesday's twilight; Tuesday's session is full with Dan waiting; Ben's gap task is overdue.
 * Trust B: Bob manages Zed, who came to B's induction. `link` gives each digest recipient their
 * platform identity; everyone else cannot be reached, so only the four recipients get messages.
 */
export async function seedDigestWorld(store: Store, link: (recipient: DigestRecipient) => Partial<Staff>): Promise<void> {
  const linked = (tenantId: string, staffId: string): Partial<Staff> => {
    const recipient = DIGEST_RECIPIENTS.find((r) => r.tenantId === tenantId && r.staffId === staffId);
    return recipient ? link(recipient) : {};
  };
  const person = (tenantId: string, id: string, extra: Partial<Staff>) => store.staff.put(staff(tenantId, id, { ...extra, ...linked(tenantId, id) }));
  const publishedAt = '2026-11-02T09:00:00.000Z';

  await store.tenants.put(tenant(A, 'Trust A'));
  await person(A, 'lead', { name: 'Lena Lead', roles: ['staff', 'cpd-lead'] });
  await person(A, 'mgr', { name: 'Mo Manager', roles: ['staff', 'line-manager'] });
  await person(A, 'mgr2', { name: 'Meg Manager', roles: ['staff', 'line-manager'] });
  await person(A, 'ada', { name: 'Ada Teacher', lineManagerId: 'mgr' });
  await person(A, 'ben', { name: 'Ben Teacher', lineManagerId: 'mgr' });
  await person(A, 'dan', { name: 'Dan Elsewhere', lineManagerId: 'mgr2' });

  await store.sessions.put(session(A, 's-held', { title: 'Retrieval practice', startsAt: '2026-11-18T16:00:00.000Z', endsAt: '2026-11-18T17:30:00.000Z', publishedAt }));
  for (const id of ['ada', 'ben', 'dan']) {
    await store.participations.put({ tenantId: A, id: participationId('s-held', id), sessionId: 's-held', staffId: id, rsvp: 'yes', attended: true });
  }
  const qid = reactionQuestionnaireId('s-held');
  await store.questionnaires.put(
    Questionnaire.parse({
      tenantId: A,
      id: qid,
      title: 'Reaction: Retrieval practice',
      purpose: 'reaction',
      sessionId: 's-held',
      anonymous: false,
      questions: DEFAULT_REACTION_QUESTIONS,
      opensAt: '2026-11-18T17:30:00.000Z',
      closesAt: '2026-11-25T17:30:00.000Z',
    }),
  );
  await store.responses.put({ tenantId: A, id: responseId(qid, 'ada'), questionnaireId: qid, sessionId: 's-held', respondentId: 'ada', answers: { quality: 5, impact: 4, further_cpd: true }, submittedAt: '2026-11-18T19:00:00.000Z' });
  await store.receipts.put({ tenantId: A, id: receiptId(qid, 'ada'), questionnaireId: qid, staffId: 'ada' });
  await store.gapTasks.put(gapTask(A, 's-held', 'ben', { id: gapTaskId('s-held', 'ben'), dueAt: '2026-11-20T16:00:00.000Z' }));

  await store.sessions.put(session(A, 's-coming', { title: 'Behaviour for learning', startsAt: '2026-11-24T16:00:00.000Z', endsAt: '2026-11-24T17:30:00.000Z', capacity: 2, publishedAt }));
  for (const [id, rsvp] of [['ada', 'yes'], ['ben', 'yes'], ['dan', 'waitlist']] as const) {
    await store.participations.put({ tenantId: A, id: participationId('s-coming', id), sessionId: 's-coming', staffId: id, rsvp });
  }

  await store.tenants.put(tenant(B, 'Trust B'));
  await person(B, 'lead', { name: 'Bea Lead', roles: ['staff', 'cpd-lead'] });
  await person(B, 'mgr', { name: 'Bob Manager', roles: ['staff', 'line-manager'] });
  await person(B, 'zed', { name: 'Zed Other', lineManagerId: 'mgr' });
  await store.sessions.put(session(B, 's-b', { title: 'Tenant B induction', startsAt: '2026-11-17T16:00:00.000Z', endsAt: '2026-11-17T17:00:00.000Z', publishedAt }));
  await store.participations.put({ tenantId: B, id: participationId('s-b', 'zed'), sessionId: 's-b', staffId: 'zed', rsvp: 'yes', attended: true });
}

/** What each recipient's digest must (and must not) say: only their own trust, only their own reports. */
export const DIGEST_EXPECTATIONS: Record<DigestRecipient['key'], { has: string[]; hasNot: RegExp }> = {
  leadA: {
    has: ['Lena Lead', 'Retrieval practice', 'Behaviour for learning', 'is full, with 1 on the waiting list'],
    hasNot: /Tenant B induction|Ada Teacher|Ben Teacher|Dan Elsewhere|Zed Other/,
  },
  managerA: { has: ['Mo Manager', 'Ada Teacher', 'Ben Teacher'], hasNot: /Dan Elsewhere|Zed Other|Tenant B induction/ },
  leadB: { has: ['Bea Lead', 'Tenant B induction'], hasNot: /Retrieval practice|Behaviour for learning|Lena Lead|Ada Teacher|Zed Other/ },
  managerB: { has: ['Bob Manager', 'Zed Other'], hasNot: /Ada Teacher|Ben Teacher|Dan Elsewhere|Retrieval practice/ },
};
