import { gapTaskId, participationId, qualificationId, statutoryTrainingId, budgetId, CpdRequestDetails, defaultReactionTemplate, type Questionnaire, type Staff, type Tenant } from '../../src/domain';
import type { Store } from '../../src/store/store';
import { courseDetails, cpdRequest } from './cpd-request-fixtures';
import { gapTask, session, staff, tenant as trustTenant } from './fixtures';

export const GOV_TENANT = 't1';
export const NORTH = { id: 'north', name: 'North Primary' };
export const SOUTH = { id: 'south', name: 'South Academy' };

/**
 * A trust of two schools for the governors' report (issue 26 item 3), 2026-27: North Primary (six
 * developing teachers, two ECTs, a school CPD lead), South Academy (six developing teachers), two
 * support staff with no school, and the trust's CPD lead. A trust-wide twilight, one of each
 * school's own, anonymous reactions, gap tasks, budgets, booked courses, qualifications and
 * statutory training. Every name is returned so tests can look for them.
 */
export async function governorsTrust(store: Store, tenantId = GOV_TENANT, extra: Partial<Tenant> = {}, lead: Partial<Staff> = {}): Promise<{ tenant: Tenant; people: Staff[]; names: string[] }> {
  const GOV_TENANT = tenantId;
  const tenant: Tenant = {
    ...trustTenant(GOV_TENANT, 'Fenland Learning Trust'),
    schools: [NORTH, SOUTH],
    ...extra,
  };
  const people: Staff[] = [
    staff(GOV_TENANT, 'lead', { name: 'Lena Trustlead', roles: ['staff', 'cpd-lead'] }),
    staff(GOV_TENANT, 'nlead', { name: 'Nadia Northlead', schoolId: NORTH.id, pathway: 'leadership', ...lead }),
    ...['Amir', 'Bea', 'Cal', 'Dot', 'Eli', 'Fay'].map((n) => staff(GOV_TENANT, `n-${n.toLowerCase()}`, { name: `${n} Northteacher`, schoolId: NORTH.id, pathway: 'developing-teacher' })),
    ...['Gus', 'Hal'].map((n) => staff(GOV_TENANT, `n-${n.toLowerCase()}`, { name: `${n} Northect`, schoolId: NORTH.id, pathway: 'ect' })),
    ...['Ivy', 'Jon', 'Kit', 'Lou', 'Max', 'Ned'].map((n) => staff(GOV_TENANT, `s-${n.toLowerCase()}`, { name: `${n} Southteacher`, schoolId: SOUTH.id, pathway: 'developing-teacher' })),
    ...['Ola', 'Pip'].map((n) => staff(GOV_TENANT, `x-${n.toLowerCase()}`, { name: `${n} Centralstaff`, pathway: 'support-staff' })),
  ];
  tenant.settings = { ...tenant.settings, cpdRequests: { ...tenant.settings.cpdRequests, cpdLeadBySchool: { [NORTH.id]: 'nlead' } } };
  await store.tenants.put(tenant);
  for (const p of people) await store.staff.put(p);
  const north = people.filter((p) => p.schoolId === NORTH.id && p.id !== 'nlead');
  const south = people.filter((p) => p.schoolId === SOUTH.id);
  const central = people.filter((p) => p.id.startsWith('x-'));

  const template = defaultReactionTemplate(GOV_TENANT);
  const held = async (id: string, day: string, who: Staff[], answers: number, extra: Parameters<typeof session>[2] = {}) => {
    await store.sessions.put(session(GOV_TENANT, id, { title: `Twilight ${id}`, startsAt: `${day}T16:00:00.000Z`, endsAt: `${day}T17:30:00.000Z`, ...extra }));
    for (const p of who) await store.participations.put({ tenantId: GOV_TENANT, id: participationId(id, p.id), sessionId: id, staffId: p.id, rsvp: 'yes', attended: true });
    const q: Questionnaire = { tenantId: GOV_TENANT, id: `q-${id}`, title: `How was ${id}?`, purpose: 'reaction', sessionId: id, anonymous: true, questions: template.questions, opensAt: `${day}T17:30:00.000Z`, closesAt: `${day}T21:00:00.000Z` };
    await store.questionnaires.put(q);
    for (let i = 0; i < answers; i++) await store.anonymousResponses.put({ tenantId: GOV_TENANT, id: `anon-${id}-${i}`, questionnaireId: q.id, sessionId: id, answers: { quality: 4 + (i % 2), impact: 4 }, submittedOn: day });
  };
  await held('trust-1', '2026-10-14', [...north, ...south, ...central], 12);
  await held('north-1', '2026-11-18', north, 6, { audience: { kind: 'school', schoolId: NORTH.id }, schoolId: NORTH.id, category: 'P' });
  await held('south-1', '2027-02-10', south, 3, { audience: { kind: 'school', schoolId: SOUTH.id }, schoolId: SOUTH.id, category: 'P' });
  for (const [i, p] of north.entries()) {
    await store.gapTasks.put(gapTask(GOV_TENANT, 'north-1', p.id, { id: gapTaskId('north-1', p.id), ...(i < 6 ? { status: 'reported' } : {}) }));
  }

  // Budgets: each school's and the trust's central one.
  for (const [schoolId, pounds] of [[NORTH.id, 6000], [SOUTH.id, 3000], [undefined, 10000]] as const) {
    await store.cpdBudgets.put({ tenantId: GOV_TENANT, id: budgetId('2026-27', schoolId), scope: schoolId ? 'school' : 'trust', ...(schoolId ? { schoolId } : {}), academicYear: '2026-27', amountPence: pounds * 100, setAt: '2026-09-01T08:00:00.000Z' });
  }
  const booked = async (id: string, who: Staff, startDate: string, costPence: number) =>
    store.cpdRequests.put(
      cpdRequest(GOV_TENANT, id, {
        requesterId: who.id,
        ...(who.schoolId ? { schoolId: who.schoolId } : { schoolId: undefined }),
        status: 'booked',
        details: CpdRequestDetails.parse(courseDetails({ startDate, endDate: startDate })),
        booking: { by: 'lead', at: '2026-09-20T09:00:00.000Z', actualCostPence: costPence, reference: `ref-${id}`, sessionId: `ext-${id}` },
      }),
    );
  for (const [i, p] of north.slice(0, 5).entries()) await booked(`req-n${i}`, p, `2026-1${i % 3}-0${i + 1}`, 20000 + i * 1000);
  for (const [i, p] of south.slice(0, 2).entries()) await booked(`req-s${i}`, p, '2027-03-0' + (i + 1), 30000);
  await booked('req-x0', central[0]!, '2027-01-20', 15000);

  // Qualifications: five NPQs started at North this year, one gained; one HLTA started by central staff.
  for (const p of north.slice(0, 5)) await store.qualifications.put({ tenantId: GOV_TENANT, id: qualificationId(p.id, 'npqsl', 'NPQSL'), staffId: p.id, kind: 'npqsl', title: 'NPQSL', startedOn: '2026-10-01', recordedAt: '2026-10-01T00:00:00.000Z' });
  await store.qualifications.put({ tenantId: GOV_TENANT, id: qualificationId(north[5]!.id, 'npqml', 'NPQML'), staffId: north[5]!.id, kind: 'npqml', title: 'NPQML', startedOn: '2025-10-01', awardedOn: '2027-06-30', recordedAt: '2027-07-01T00:00:00.000Z' });
  await store.qualifications.put({ tenantId: GOV_TENANT, id: qualificationId(central[0]!.id, 'hlta', 'HLTA'), staffId: central[0]!.id, kind: 'hlta', title: 'HLTA', startedOn: '2027-01-10', recordedAt: '2027-01-10T00:00:00.000Z' });

  // Statutory: safeguarding for all (one at South lapsed), Prevent all up to date.
  for (const p of [...north, ...south, ...central]) {
    const lapsed = p.id === 's-ivy';
    await store.statutoryTraining.put({ tenantId: GOV_TENANT, id: statutoryTrainingId(p.id, 'safeguarding'), staffId: p.id, topic: 'Safeguarding', completedOn: '2025-09-01', expiresOn: lapsed ? '2027-05-01' : '2028-09-01', recordedAt: '2025-09-01T00:00:00.000Z' });
    await store.statutoryTraining.put({ tenantId: GOV_TENANT, id: statutoryTrainingId(p.id, 'prevent'), staffId: p.id, topic: 'Prevent', completedOn: '2025-09-01', expiresOn: '2028-09-01', recordedAt: '2025-09-01T00:00:00.000Z' });
  }
  return { tenant, people, names: people.map((p) => p.name) };
}
