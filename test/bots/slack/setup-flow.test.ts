import { nameCpdLead } from '../../../src/app/setup';
import { onBothStores } from '../../support/both-stores';
import { JO, LEAD, postSigned, startSlackHarness, type SlackHarness } from './slack-harness';
import { Staff } from '../../../src/domain';

const TENANT = 'hillside';

function event(eventId: string, body: Record<string, unknown>): string {
  return JSON.stringify({ type: 'event_callback', team_id: 'T0SCHOOL', api_app_id: 'A1', event_id: eventId, event_time: 1, event: body });
}

onBothStores('slack-setup', (label, open, done) => {
  describe(`day one in Slack (${label}; real bolt, signed requests, fake Slack API): the named lead is welcomed, then uses setup`, () => {
    let h: SlackHarness;
    const posts = () => h.api.callsOf('chat.postMessage');

    beforeAll(async () => {
      h = await startSlackHarness({ defaultTenantId: TENANT, openStore: open });
      h.api.users.set(LEAD.id, LEAD);
      h.api.users.set(JO.id, JO);
      await nameCpdLead({ store: h.store, clock: h.clock }, TENANT, { email: LEAD.email });
      await h.store.staff.create(Staff.parse({ tenantId: TENANT, id: 'stf-jo', name: JO.name, email: JO.email }));
    });
    afterAll(async () => {
      await h.close();
      await done();
    });

    it('opening App Home, the lead is welcomed in the DM with the checklist, once', async () => {
      await postSigned(h, event('EvHome1', { type: 'app_home_opened', user: LEAD.id, channel: 'DLEAD', tab: 'home' }), { contentType: 'application/json' });
      await h.bot.drain();
      const welcome = posts().at(-1)!.args;
      expect(welcome.channel).toBe(LEAD.id);
      expect(JSON.stringify(welcome.blocks)).toContain('Welcome to Twilight');
      expect(JSON.stringify(welcome.blocks)).toContain('No term calendar for 2026-27');
      const count = posts().length;
      await postSigned(h, event('EvHome2', { type: 'app_home_opened', user: LEAD.id, channel: 'DLEAD', tab: 'home' }), { contentType: 'application/json' });
      await h.bot.drain();
      expect(posts().length).toBe(count);
    });

    it('`setup` typed in the DM shows the checklist; a teacher is told it is for leads', async () => {
      await postSigned(h, event('EvDm1', { type: 'message', channel_type: 'im', channel: 'DLEAD', user: LEAD.id, text: 'setup', ts: '1.1' }), { contentType: 'application/json' });
      await h.bot.drain();
      const blocks = JSON.stringify(posts().at(-1)!.args.blocks);
      expect(blocks).toContain('Setting up hillside');
      expect(blocks).toContain('No term calendar for 2026-27');
      await postSigned(h, event('EvDm2', { type: 'message', channel_type: 'im', channel: 'DJO', user: JO.id, text: 'setup', ts: '1.2' }), { contentType: 'application/json' });
      await h.bot.drain();
      expect(JSON.stringify(posts().at(-1)!.args.blocks)).toContain('Only CPD leads can do that');
    });
  });
});
