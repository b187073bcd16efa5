import { Staff } from '../../../src/domain';
import { cpdRequest } from '../../support/cpd-request-fixtures';
import { tenant } from '../../support/fixtures';
import { AAD_TENANT, TENANT, cardActionActivity, cardElements, installActivity, invokeCard, postActivity, startTeamsHarness, type TeamsHarness, type TeamsUser } from './teams-harness';

type Json = Record<string, unknown>;

const MIA: TeamsUser = { userId: '29:mia', aadObjectId: 'aad-mia', name: 'Mia Manager', conversationId: 'a:personal-mia' };
const HAL: TeamsUser = { userId: '29:hal', aadObjectId: 'aad-hal', name: 'Hal Head', conversationId: 'a:personal-hal' };

/** Issue 24 item 17 in Teams: an approver's own decision stays on their card when it refreshes later; a decline is not a green success. */
describe("an approver's note on a refreshed request card via fake connector (real botbuilder)", () => {
  let h: TeamsHarness;
  beforeAll(async () => {
    h = await startTeamsHarness();
    await h.store.tenants.create({ ...tenant(TENANT), teamsTenantId: AAD_TENANT });
    const person = (id: string, user: TeamsUser) => Staff.parse({ tenantId: TENANT, id, name: user.name, email: `${id}@school.example`, teams: { aadObjectId: user.aadObjectId } });
    await h.store.staff.create(Staff.parse({ tenantId: TENANT, id: 'teacher', name: 'Jo Patel', email: 'jo@school.example', schoolId: 'sch-1', lineManagerId: 'lm' }));
    await h.store.staff.create(person('lm', MIA));
    await h.store.staff.create(person('head', HAL));
    for (const user of [MIA, HAL]) await postActivity(h, installActivity(h, user));
    // Mia approved; then Hal declined: the request has moved on since Mia pressed.
    const at = h.clock.now().toISOString();
    await h.store.cpdRequests.create(
      cpdRequest(TENANT, 'req-1', {
        status: 'declined',
        decidedAt: at,
        steps: [
          { role: 'line-manager', approverId: 'lm', reachedAt: at, decision: { outcome: 'approved', by: 'lm', at } },
          { role: 'headteacher', approverId: 'head', reachedAt: at, decision: { outcome: 'declined', by: 'head', at, reason: 'Budget spent for this term' } },
        ],
      }),
    );
  });
  afterAll(() => h.close());

  const refreshed = async (user: TeamsUser) => invokeCard((await postActivity(h, cardActionActivity(h, user, 'refresh', { requestId: 'req-1' }))).body).value as unknown as Json;
  const noteOf = (card: Json) => cardElements(card).find((e) => e.type === 'Container' && e.bleed === true);

  it("Mia's card still says she approved; Hal's decline is noted in the neutral style, not as a success", async () => {
    const mia = await refreshed(MIA);
    expect(JSON.stringify(noteOf(mia))).toContain('Approved. The requester has been told.');
    expect(noteOf(mia)).toMatchObject({ style: 'good' });
    const hal = await refreshed(HAL);
    expect(JSON.stringify(noteOf(hal))).toContain('Declined. The requester has been told why.');
    expect(noteOf(hal)).not.toMatchObject({ style: 'good' });
  });
});
