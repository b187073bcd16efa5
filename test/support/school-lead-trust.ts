import { MentoringMeeting, mentoringMeetingId, statutoryTrainingId, Tenant } from '../../src/domain';
import type { Store } from '../../src/store/store';
import { tenant } from './fixtures';

/**
 * The trust the school-lead tests share: Huntingdon Academy (sch-1) and Elm Academy (sch-2), each
 * school's own CPD lead as given (`school-cpd-lead.<school>`), and the platform link the harness needs.
 */
export async function createTwoSchoolTrust(store: Store, tenantId: string, schoolLeads: Record<string, string>, platformLink: Pick<Tenant, 'teamsTenantId'> | Pick<Tenant, 'slackTeamId'>): Promise<void> {
  const trust = tenant(tenantId);
  await store.tenants.create(
    Tenant.parse({
      ...trust,
      ...platformLink,
      schools: [...trust.schools, { id: 'sch-2', name: 'Elm Academy' }],
      settings: { ...trust.settings, cpdRequests: { ...trust.settings.cpdRequests, cpdLeadBySchool: schoolLeads } },
    }),
  );
}

/** Safeguarding that lapses on Friday 18 December 2026 (four weeks after Friday 20 November, when the tests run). */
export async function seedLapsingSafeguarding(store: Store, tenantId: string, staffId: string): Promise<void> {
  await store.statutoryTraining.create({ tenantId, id: statutoryTrainingId(staffId, 'Safeguarding'), staffId, topic: 'Safeguarding', completedOn: '2025-12-18', expiresOn: '2026-12-18', recordedAt: '2025-12-18T16:00:00.000Z' });
}

/** A mentoring meeting planned for the week of 16 November 2026 with no mentor linked. */
export async function seedMeetingWithoutMentor(store: Store, tenantId: string, menteeId: string): Promise<void> {
  const assignmentId = `massign-${menteeId}`;
  await store.mentoringMeetings.create(
    MentoringMeeting.parse({ tenantId, id: mentoringMeetingId(assignmentId, 'm5'), assignmentId, menteeId, with: 'subject-mentor', itemKey: 'm5', kind: 'meeting', status: 'planned', weekStart: '2026-11-16', focus: 'Assessment', updatedAt: '2026-09-01T09:00:00.000Z' }),
  );
}
