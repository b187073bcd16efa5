import { loadConfig } from '../../../src/config';
import { Staff } from '../../../src/domain';
import { tenant } from '../../support/fixtures';
import { cardActionActivity, JO, postActivity, startTeamsHarness, type TeamsHarness } from './teams-harness';

/** A single-school install: its tenant is the default one and not linked to an Entra tenant. */
async function seedUnlinkedSchool(h: TeamsHarness): Promise<void> {
  h.connector.setRoster(JO.conversationId, [{ id: JO.userId, name: JO.name, aadObjectId: JO.aadObjectId, email: 'jo.patel@school.example' }]);
  await h.store.tenants.create(tenant('demo'));
  await h.store.staff.create(Staff.parse({ tenantId: 'demo', id: 'stf-jo', name: 'Jo Patel', email: 'jo.patel@school.example', roles: ['staff'] }));
}

describe('Teams: a tenant linked to no school (via real CloudAdapter and the fake connector)', () => {
  test('with the default tenant as production config leaves it (unset), the person is told "I don\'t know you yet" and not linked', async () => {
    const loaded = loadConfig({ SLACK_BOT_TOKEN: 'xoxb-1', SLACK_SIGNING_SECRET: 's'.repeat(32) });
    if (!loaded.ok) throw new Error(loaded.errors.join('; '));
    const h = await startTeamsHarness(loaded.config.defaultTenantId ? { defaultTenantId: loaded.config.defaultTenantId } : {});
    try {
      await seedUnlinkedSchool(h);
      const reply = await postActivity(h, cardActionActivity(h, JO, 'rsvp.yes', { sessionId: 'ses-1' }));
      expect(reply.status).toBe(200);
      expect(JSON.stringify(reply.body)).toContain("I don't know you yet");
      expect(await h.store.staff.count('demo', { 'teams.aadObjectId': JO.aadObjectId })).toBe(0);
    } finally {
      await h.close();
    }
  });

  test('in dev mode (no credentials) the default tenant `demo` still serves the local bot', async () => {
    const loaded = loadConfig({});
    if (!loaded.ok) throw new Error(loaded.errors.join('; '));
    const h = await startTeamsHarness({ defaultTenantId: loaded.config.defaultTenantId! });
    try {
      await seedUnlinkedSchool(h);
      await postActivity(h, cardActionActivity(h, JO, 'rsvp.yes', { sessionId: 'ses-1' }));
      expect(await h.store.staff.count('demo', { 'teams.aadObjectId': JO.aadObjectId })).toBe(1);
    } finally {
      await h.close();
    }
  });
});
