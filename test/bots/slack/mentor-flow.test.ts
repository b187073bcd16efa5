import { Staff } from '../../../src/domain';
import { onBothStores } from '../../support/both-stores';
import { LocalFileHost, TEST_FILE_LIMITS } from '../../support/file-host';
import { tenant } from '../../support/fixtures';
import { buttonPress, findButton, JO, LEAD, postInteraction, postSigned, slashCommand, startSlackHarness, TENANT, type SlackHarness } from './slack-harness';

const BOT_TOKEN = 'xoxb-test';
const SAM = { id: 'USAM', email: 'sam.mentor@school.example', name: 'Sam Mentor' };
// An MIS export naming Jo's subject mentor by name and her induction tutor by e-mail.
const ROSTER = ['Email Address,Full Name,Career Stage,ECT Mentor,Induction Tutor', 'jo.patel@school.example,Jo Patel,ECT,Sam Mentor,lee.lead@school.example', 'sam.mentor@school.example,Sam Mentor,,,'].join('\r\n');

function fileShare(host: LocalFileHost, id: string, name: string): string {
  const file = { id, name, title: name, mimetype: 'text/csv', filetype: 'csv', user: LEAD.id, mode: 'hosted', size: 200, url_private: `${host.url}/files-pri/T0SCHOOL-${id}/${name}`, url_private_download: `${host.url}/files-pri/T0SCHOOL-${id}/download/${name}` };
  const event = { type: 'message', subtype: 'file_share', channel_type: 'im', channel: 'DLEAD', user: LEAD.id, text: '', ts: '1763000000.7', files: [file] };
  return JSON.stringify({ type: 'event_callback', team_id: 'T0SCHOOL', api_app_id: 'A1', event_id: `Ev${id}`, event_time: 1_763_000_000, event });
}

onBothStores('slack-mentors', (label, open, done) => {
  describe(`mentors in Slack (${label}; real bolt, signed requests, fake Slack API)`, () => {
    let h: SlackHarness;
    let host: LocalFileHost;
    const ephemeral = (trigger: string) => JSON.stringify(h.api.ephemeralFrom(`/response/${trigger}`)!.args.blocks);

    beforeAll(async () => {
      host = await new LocalFileHost(BOT_TOKEN).start();
      h = await startSlackHarness({ openStore: open, files: TEST_FILE_LIMITS });
      for (const u of [JO, LEAD, SAM]) h.api.users.set(u.id, u);
      await h.store.tenants.create({ ...tenant(TENANT), slackTeamId: h.api.teamId });
      await h.store.staff.create(Staff.parse({ tenantId: TENANT, id: 'stf-lead', name: LEAD.name, email: LEAD.email, roles: ['staff', 'cpd-lead'] }));
      await h.store.staff.create(Staff.parse({ tenantId: TENANT, id: 'stf-jo', name: JO.name, email: JO.email, roles: ['staff'] }));
      await h.store.staff.create(Staff.parse({ tenantId: TENANT, id: 'stf-sam', name: SAM.name, email: SAM.email, roles: ['staff'] }));
    });
    afterAll(async () => {
      await h.close();
      await host.stop();
      await done();
    });

    it('a mentor assigned from a roster file sent in the DM: the preview says so, Import writes it, and my cpd of the mentee shows the mentor', async () => {
      host.put('/files-pri/T0SCHOOL-FM1/download/staff.csv', ROSTER);
      const before = h.api.callsOf('chat.postMessage').length;
      expect((await postSigned(h, fileShare(host, 'FM1', 'staff.csv'), { contentType: 'application/json' })).status).toBe(200);
      await h.bot.drain();
      const preview = h.api.callsOf('chat.postMessage').slice(before).at(-1)!.args;
      const text = JSON.stringify(preview.blocks);
      expect(text).toContain("would make Sam Mentor Jo Patel's subject mentor");
      expect(text).toContain("would make Lee Lead Jo Patel's induction tutor");
      expect(await h.store.mentoringLinks.count(TENANT)).toBe(0);

      await postInteraction(h, buttonPress(LEAD, { channel: 'DLEAD', ts: '1763000000.7' }, findButton(preview.blocks, 'file.import'), 'trg-import'));
      expect(await h.store.mentoringLinks.count(TENANT)).toBe(2);

      await slashCommand(h, JO, 'my cpd', 'trg-jo-1');
      expect(ephemeral('trg-jo-1')).toContain('Your support: subject mentor Sam Mentor; induction tutor Lee Lead.');
    });

    it("the lead's mentor command sets and ends a coach; a teacher may not use it; each person's my cpd shows only their own supporters", async () => {
      await slashCommand(h, LEAD, 'mentor Jo Patel coach sam.mentor@school.example', 'trg-lead-1');
      expect(ephemeral('trg-lead-1')).toContain("Sam Mentor is Jo Patel's coach from today.");
      await slashCommand(h, JO, 'my cpd', 'trg-jo-2');
      expect(ephemeral('trg-jo-2')).toContain('Your support: subject mentor Sam Mentor; coach Sam Mentor; induction tutor Lee Lead.');

      await slashCommand(h, JO, 'mentor Sam Mentor coach Jo Patel', 'trg-jo-3');
      expect(ephemeral('trg-jo-3')).toContain('Only CPD leads can do that');
      expect(await h.store.mentoringLinks.count(TENANT, { menteeId: 'stf-sam' })).toBe(0);

      // Sam mentors Jo; Sam's own record names no supporters, and never Jo's.
      await slashCommand(h, SAM, 'my cpd', 'trg-sam');
      expect(ephemeral('trg-sam')).not.toContain('Your support');
      expect(ephemeral('trg-sam')).not.toContain('Lee Lead');

      await slashCommand(h, LEAD, 'mentor Jo Patel', 'trg-lead-2');
      expect(ephemeral('trg-lead-2')).toContain('Jo Patel: subject mentor: Sam Mentor');
      await slashCommand(h, LEAD, 'mentor Jo Patel coach none', 'trg-lead-3');
      expect(ephemeral('trg-lead-3')).toContain('Jo Patel has no coach from today.');
      await slashCommand(h, JO, 'my cpd', 'trg-jo-4');
      expect(ephemeral('trg-jo-4')).toContain('Your support: subject mentor Sam Mentor; induction tutor Lee Lead.');
      await slashCommand(h, LEAD, 'mentor Nobody Here coach Sam Mentor', 'trg-lead-4');
      expect(ephemeral('trg-lead-4')).toContain('Nobody called \\"Nobody Here\\" is in the staff list');
    });
  });
});
