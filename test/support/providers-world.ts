import { DEFAULT_REACTION_QUESTIONS, Questionnaire, participationId, responseId } from '../../src/domain';
import type { Store } from '../../src/store/store';
import { session } from './fixtures';

/** Monday 23 November 2026: the lead digest covers 16–22 November, the providers report the year so far. */
export const PROVIDERS_NOW = '2026-11-23T10:00:00.000Z';

/**
 * For the chat flows of issue 26 items 5 and 7, on top of a harness's seeded school: a Fenland
 * English Hub twilight in October that two people attended and answered (fewer than five: its
 * ratings are withheld from the summary), and last week a Huntingdon session and an Ely one. The
 * person `schoolLeadId` becomes Huntingdon's (sch-1) own CPD lead.
 */
export async function seedProvidersWorld(store: Store, tenantId: string, people: { schoolLeadId: string; attendees: readonly string[] }): Promise<void> {
  const tenant = (await store.tenants.get(tenantId, tenantId))!.value;
  await store.tenants.put({
    ...tenant,
    schools: [...tenant.schools, { id: 'sch-2', name: 'Ely Primary' }],
    settings: { ...tenant.settings, cpdRequests: { ...tenant.settings.cpdRequests, cpdLeadBySchool: { 'sch-1': people.schoolLeadId } } },
  });
  const lead = (await store.staff.get(tenantId, people.schoolLeadId))!.value;
  await store.staff.put({ ...lead, schoolId: 'sch-1' });
  await store.sessions.put(session(tenantId, 'hub-past', { title: 'Early reading twilight', provider: 'Fenland English Hub', costPence: 35_000, startsAt: '2026-10-01T16:00:00.000Z', endsAt: '2026-10-01T17:30:00.000Z' }));
  await store.questionnaires.put(
    Questionnaire.parse({ tenantId, id: 'q-hub-past', title: 'Reaction', purpose: 'reaction', sessionId: 'hub-past', anonymous: false, questions: DEFAULT_REACTION_QUESTIONS, opensAt: '2026-10-01T17:30:00.000Z', closesAt: '2026-10-08T17:30:00.000Z' }),
  );
  for (const staffId of people.attendees) {
    await store.participations.put({ tenantId, id: participationId('hub-past', staffId), sessionId: 'hub-past', staffId, rsvp: 'yes', attended: true });
    await store.responses.put({ tenantId, id: responseId('q-hub-past', staffId), questionnaireId: 'q-hub-past', sessionId: 'hub-past', respondentId: staffId, answers: { quality: 5, impact: 4, further_cpd: false, comments: 'Jo Patel loved the phonics games' }, submittedAt: '2026-10-02T10:00:00.000Z' });
  }
  const lastWeek = { startsAt: '2026-11-18T16:00:00.000Z', endsAt: '2026-11-18T17:00:00.000Z' };
  await store.sessions.put(session(tenantId, 'hunt-week', { ...lastWeek, title: 'Huntingdon questioning', schoolId: 'sch-1', audience: { kind: 'school', schoolId: 'sch-1' } }));
  await store.sessions.put(session(tenantId, 'ely-week', { ...lastWeek, title: 'Ely phonics', schoolId: 'sch-2', audience: { kind: 'school', schoolId: 'sch-2' } }));
}
