import { JO, TENANT, cardActionActivity, installActivity, postActivity, seedSchool, startTeamsHarness, type TeamsHarness } from './teams-harness';

describe('production mode (app id set) via real CloudAdapter auth', () => {
  let h: TeamsHarness;
  beforeAll(async () => {
    h = await startTeamsHarness({ appId: '00000000-0000-0000-0000-000000000001', appPassword: 'secret', appType: 'MultiTenant' });
    await seedSchool(h);
  });
  afterAll(() => h.close());
  // CloudAdapter reports a rejected request with console.error; keep the output readable.
  beforeEach(() => jest.spyOn(console, 'error').mockImplementation(() => undefined));
  afterEach(() => jest.restoreAllMocks());

  it('a request without a token gets 401 and nothing is stored or sent', async () => {
    const install = await postActivity(h, installActivity(h, JO));
    expect(install.status).toBe(401);
    const press = await postActivity(h, cardActionActivity(h, JO, 'rsvp.yes', { sessionId: 'ses-1' }));
    expect(press.status).toBe(401);
    expect(await h.store.conversations.count(TENANT, {})).toBe(0);
    expect(await h.store.participations.count(TENANT, {})).toBe(0);
    expect(h.connector.activities).toHaveLength(0);
  });

  it('a forged bearer token gets 401 too', async () => {
    const forged = await postActivity(h, installActivity(h, JO), { authorization: 'Bearer eyJhbGciOiJub25lIn0.eyJhdWQiOiJ4In0.' });
    expect(forged.status).toBe(401);
    expect(await h.store.conversations.count(TENANT, {})).toBe(0);
  });
});
