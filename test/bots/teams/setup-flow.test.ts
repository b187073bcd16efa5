import { nameCpdLead } from '../../../src/app/setup';
import { delivery } from '../../support/fixtures';
import { onBothStores } from '../../support/both-stores';
import { cardText, installActivity, lastCardTo, LEAD, messageActivity, postActivity, startTeamsHarness, type TeamsHarness } from './teams-harness';

const TENANT = 'hillside';

onBothStores('teams-setup', (label, open, done) => {
  describe(`day one in Teams (${label}; real botbuilder, fake connector): the named lead is welcomed, then uses setup and unreachable`, () => {
    let h: TeamsHarness;

    beforeAll(async () => {
      // A single-school deployment (DEFAULT_TENANT_ID) with FIRST_CPD_LEAD_EMAIL: nothing but the lead exists.
      h = await startTeamsHarness({ defaultTenantId: TENANT }, { openStore: open });
      await nameCpdLead({ store: h.store, clock: h.clock }, TENANT, { email: 'lee.lead@school.example', name: 'Lee Lead' });
      h.connector.setRoster(LEAD.conversationId, [{ id: LEAD.userId, name: LEAD.name, aadObjectId: LEAD.aadObjectId, email: 'lee.lead@school.example' }]);
    });
    afterAll(async () => {
      await h.close();
      await done();
    });

    it('installing the bot, the lead gets the welcome and the checklist instead of the help; once', async () => {
      await postActivity(h, installActivity(h, LEAD));
      const welcome = cardText(lastCardTo(h, LEAD));
      expect(welcome).toContain('Welcome to Twilight');
      expect(welcome).toContain("Hello Lee: you are hillside's CPD lead in Twilight");
      expect(welcome).toContain('No staff list yet');
      expect(welcome).toContain('Send me the staff list here, as a CSV file');

      await postActivity(h, messageActivity(h, LEAD, 'help'));
      expect(cardText(lastCardTo(h, LEAD))).not.toContain('Welcome to Twilight');
      expect(JSON.stringify(lastCardTo(h, LEAD))).toContain('What the school still needs set up');
    });

    it('`setup` shows the checklist again; `unreachable` names who could not be reached and why', async () => {
      await postActivity(h, messageActivity(h, LEAD, 'setup'));
      expect(cardText(lastCardTo(h, LEAD))).toContain('Setting up hillside');
      const [lead] = await h.store.staff.find(TENANT);
      await h.store.deliveries.put(delivery(TENANT, lead!.value.id, { status: 'failed', lastError: 'unreachable: 403: Forbidden', dueAt: '2026-11-19T09:00:00.000Z' }));
      await postActivity(h, messageActivity(h, LEAD, 'unreachable'));
      const text = cardText(lastCardTo(h, LEAD));
      expect(text).toContain('1 message in the last 30 days could not be delivered (1 person)');
      expect(text).toContain('1 message to 1 person: Teams or Slack refused the message (Twilight blocked, or their account disabled) (Lee Lead)');
      expect(text).toContain('Ask them to unblock Twilight');
    });
  });
});
