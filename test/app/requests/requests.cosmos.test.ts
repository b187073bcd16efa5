import { handleCardAction } from '../../../src/app/card-actions';
import { runCommand } from '../../../src/app/commands';
import { requestCardCopies } from '../../../src/app/requests/request-copies';
import { externalSessionId } from '../../../src/app/requests/request-booking';
import { ManualClock, Staff, TenantSettings, type Tenant } from '../../../src/domain';
import { openCosmosStore } from '../../../src/store/cosmos/cosmos-store';
import type { Store } from '../../../src/store/store';
import { startLoopbackCosmos } from '../../support/cosmos-server';
import { staff, tenant } from '../../support/fixtures';

const FORM = {
  courseTitle: 'Leading early reading',
  provider: 'Fenland English Hub',
  startDate: '2027-01-12',
  mode: 'in-person',
  fee: '250',
  travel: '18.40',
  coverHalfDays: '2',
  purpose: 'school-priority',
  purposeDetail: 'SIP priority 2: early reading',
  intendedImpact: 'More Year 1 pupils pass the phonics check.',
};

describe('CPD requests via @azure/cosmos against cosmosdb-server', () => {
  let cosmos: Awaited<ReturnType<typeof startLoopbackCosmos>>;
  let store: Store;
  const clock = new ManualClock('2026-11-23T10:00:00.000Z');
  let t: Tenant;
  const people: Record<string, Staff> = {};
  const actor = (id: string) => ({ tenant: t, staff: people[id]! });

  beforeAll(async () => {
    cosmos = await startLoopbackCosmos();
    store = await openCosmosStore({ client: cosmos.client(), databaseId: 'cpd-requests', createIfMissing: true });
    const base = tenant('t1');
    t = { ...base, settings: TenantSettings.parse({ ...base.settings, cpdRequests: { headteacherBySchool: { 'sch-1': 'head' } } }) };
    await store.tenants.put(t);
    Object.assign(people, {
      ada: staff('t1', 'ada', { name: 'Ada Teacher', schoolId: 'sch-1', lineManagerId: 'lm' }),
      lm: staff('t1', 'lm', { name: 'Mo Manager', roles: ['staff', 'line-manager'] }),
      head: staff('t1', 'head', { name: 'Hana Head' }),
      lead: staff('t1', 'lead', { name: 'Lena Lead', roles: ['staff', 'cpd-lead'] }),
      ben: staff('t1', 'ben', { name: 'Ben Teacher' }),
    });
    for (const p of Object.values(people)) await store.staff.put(p);
  });
  afterAll(async () => {
    await store.close();
    await cosmos.stop();
  });

  it('request, a race at the first step (one decision under the ETag), approved, booked against the budget; a stranger changes nothing', async () => {
    const deps = { store, clock };
    expect((await handleCardAction(deps, actor('ada'), { verb: 'request.submit' }, FORM)).ok).toBe(true);
    const [request] = (await store.cpdRequests.find('t1', { where: { requesterId: 'ada' } })).map((r) => r.value);
    const requestId = request!.id;

    const stranger = await handleCardAction(deps, actor('ben'), { verb: 'request.approve', requestId });
    expect(stranger.view).toMatchObject({ kind: 'notice' });
    // Three presses of Approve at once (a double tap, a retried invoke): one decision.
    const results = await Promise.all([1, 2, 3].map(() => handleCardAction(deps, actor('lm'), { verb: 'request.approve', requestId })));
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    const afterRace = (await store.cpdRequests.get('t1', requestId))!.value;
    expect(afterRace.steps.map((s) => s.decision?.outcome)).toEqual(['approved', undefined]);

    expect(await runCommand(deps, actor('lead'), 'budget set Huntingdon Academy 1000 2026-27')).toMatchObject({ notice: { tone: 'good' } });
    expect((await handleCardAction(deps, actor('head'), { verb: 'request.approve', requestId })).ok).toBe(true);
    expect((await handleCardAction(deps, actor('lead'), { verb: 'request.book', requestId }, { actualCost: '240', reference: 'FEH-1' })).ok).toBe(true);
    expect((await store.sessions.get('t1', externalSessionId(requestId)))?.value.kind).toBe('external');
    expect(await runCommand(deps, actor('lead'), 'budget 2026-27')).toMatchObject({ rows: [{ name: 'Huntingdon Academy', spentText: '£240.00', leftText: '£760.00' }] });
    expect(await runCommand(deps, actor('lm'), 'requests')).toMatchObject({ rows: [] });
    expect(await runCommand(deps, actor('lead'), 'requests all')).toMatchObject({ rows: [{ statusText: 'Booked' }] });
    // The nested-field query Slack uses to update every copy runs on Cosmos (none sent yet: the outbox has not run).
    expect(await requestCardCopies(deps, actor('lead'), requestId, 'slack')).toEqual([]);
  });
});
