import { Staff } from '../../../src/domain';
import { onBothStores } from '../../support/both-stores';
import { seedBookedCourse } from '../../support/booked-course';
import { tenant } from '../../support/fixtures';
import { LocalFileHost, TEST_FILE_LIMITS } from '../../support/file-host';
import { startTestScheduler } from '../../support/test-scheduler';
import { JO, LINKS_ORIGIN, TENANT, buttonPress, findButton, postInteraction, postSigned, slashCommand, startSlackHarness, type SlackHarness } from './slack-harness';

const BOT_TOKEN = 'xoxb-test';
/** The first bytes of a real PDF, then some content: what a provider's certificate starts with. */
const PDF = new Uint8Array([...Buffer.from('%PDF-1.7\n1 0 obj << /Type /Catalog >> endobj\n%%EOF\n')]);

/** A file dropped into the bot's DM: message.im with subtype file_share, as Slack sends it. */
function fileShare(host: LocalFileHost, eventId: string, user: string, name: string): string {
  const file = { id: eventId, name, title: name, mimetype: 'application/pdf', filetype: 'pdf', user, mode: 'hosted', is_external: false, size: 100, url_private_download: `${host.url}/files-pri/T0SCHOOL-${eventId}/download/${name}` };
  const event = { type: 'message', subtype: 'file_share', channel_type: 'im', channel: `D${user.slice(1)}`, user, text: '', ts: `1763000000.${eventId.length}`, files: [file] };
  return JSON.stringify({ type: 'event_callback', team_id: 'T0SCHOOL', api_app_id: 'A1', event_id: eventId, event_time: 1_763_000_000, event });
}

const SAM = { id: 'USAM', email: 'sam@school.example', name: 'Sam Lee' };

/** Issue 26 item 1 in Slack: after a booked course's last day Jo is asked whether she went; her yes puts it in `my cpd`. */
onBothStores('slack-course-attendance', (label, open, done) => {
  describe(`a booked course reaches the record via fake Slack API (real bolt App, signed requests, real scheduler) (${label})`, () => {
    let h: SlackHarness;
    let ids: { requestId: string; sessionId: string };
    let host: LocalFileHost;
    beforeAll(async () => {
      host = await new LocalFileHost(BOT_TOKEN).start();
      h = await startSlackHarness({ openStore: open, links: true, files: TEST_FILE_LIMITS });
      for (const u of [JO, SAM]) h.api.users.set(u.id, u);
      const school = { ...tenant(TENANT), slackTeamId: h.api.teamId };
      await h.store.tenants.create(school);
      await h.store.staff.create(Staff.parse({ tenantId: TENANT, id: 'stf-jo', name: JO.name, email: JO.email, schoolId: 'sch-1', lineManagerId: 'stf-mia' }));
      await h.store.staff.create(Staff.parse({ tenantId: TENANT, id: 'stf-sam', name: SAM.name, email: SAM.email, roles: ['staff', 'cpd-lead'] }));
      await h.bot.linkStaffByEmail(TENANT);
      ids = await seedBookedCourse(h.store, school, h.clock.now().toISOString());
    });
    afterAll(async () => {
      await h.close();
      await host.stop();
      await done();
    });

    it('asked once after the course in a DM with three answers; Attended puts it in my cpd with its hours, category and cost', async () => {
      const scheduler = startTestScheduler(h, [h.bot.sender]);
      const asks = () => h.api.callsOf('chat.postMessage').filter((c) => c.args.channel === JO.id && String(c.args.text).includes('Did you attend'));
      h.clock.set('2027-01-12T12:00:00.000Z');
      await scheduler.runOnce();
      expect(asks()).toEqual([]);
      h.clock.set('2027-01-12T16:00:00.000Z');
      await scheduler.runOnce();
      await scheduler.runOnce();
      await scheduler.stop();
      expect(asks()).toHaveLength(1);
      const ask = asks()[0]!;
      expect(String(ask.args.text)).toBe('Did you attend "Leading early reading"? Say so here and it goes on your CPD record with its hours.');
      const blocks = ask.args.blocks;
      for (const verb of ['request.attended', 'request.not-attended', 'request.course-cancelled']) expect(findButton(blocks, verb)).toBeDefined();
      const where = { channel: JO.id, ts: 'ask-ts' };
      await postInteraction(h, buttonPress(JO, where, findButton(blocks, 'request.attended'), 'trg-yes'));
      expect(JSON.stringify(h.api.callsOf('chat.update').at(-1)!.args.blocks)).toContain('the course is on your CPD record with its hours');
      expect((await h.store.cpdRequests.get(TENANT, ids.requestId))!.value.status).toBe('attended');

      await slashCommand(h, JO, 'my cpd', 'trg-my');
      const record = JSON.stringify(h.api.ephemeralFrom('/response/trg-my')!.args.blocks);
      expect(record).toContain('Leading early reading (External course: Fenland English Hub, Teaching &amp; learning, £240.00)');
      expect(record).toContain('6.5 hours');
    });

    async function dropFile(eventId: string, name: string, content: Uint8Array | string): Promise<string> {
      host.put(`/files-pri/T0SCHOOL-${eventId}/download/${name}`, content);
      const before = h.api.callsOf('chat.postMessage').length;
      expect((await postSigned(h, fileShare(host, eventId, JO.id, name), { contentType: 'application/json' })).status).toBe(200);
      await h.bot.drain();
      return JSON.stringify(h.api.callsOf('chat.postMessage').slice(before).at(-1)?.args.blocks);
    }

    it("her certificate sent in the DM is kept with the course; the Certificate link on its row of my cpd serves the provider's file", async () => {
      expect(await dropFile('FNOTPDF', 'certificate.pdf', 'Name,Email\nJo,jo@school.example\n')).toContain('is not a PDF or a picture (PNG or JPEG) inside, so I did not keep it');
      expect(await h.store.courseCertificates.count(TENANT)).toBe(0);
      expect(await dropFile('FCERT', 'leading-early-reading-certificate.pdf', PDF)).toContain('Kept with \\"Leading early reading\\" on your record');
      expect(await dropFile('FCERT2', 'leading-early-reading-certificate.pdf', PDF)).toContain('That certificate is already kept with');
      expect(await h.store.courseCertificates.count(TENANT)).toBe(1);

      await slashCommand(h, JO, 'my cpd', 'trg-my-cert');
      const blocks = JSON.stringify(h.api.ephemeralFrom('/response/trg-my-cert')!.args.blocks);
      const link = new URL(JSON.parse(`"${blocks.match(/"url":"([^"]*\/links\/certificate\/[^"]*)"/)![1]!}"`) as string);
      expect(link.origin).toBe(LINKS_ORIGIN);
      const served = await fetch(`${h.baseUrl}${link.pathname}${link.search}`);
      expect(served.status).toBe(200);
      expect(served.headers.get('content-type')).toBe('application/pdf');
      expect(served.headers.get('cache-control')).toBe('private, no-store');
      expect(new Uint8Array(await served.arrayBuffer())).toEqual(PDF);
      // The same link edited to another person serves nothing.
      const other = await fetch(`${h.baseUrl}${link.pathname.replace('stf-jo', 'stf-sam')}${link.search}`);
      expect(other.status).toBe(404);
    });

    it('someone with no attended course is told what a certificate is kept for, and nothing is kept', async () => {
      const posted = async () => {
        host.put('/files-pri/T0SCHOOL-FSAM/download/cert.pdf', PDF);
        const before = h.api.callsOf('chat.postMessage').length;
        const body = fileShare(host, 'FSAM', SAM.id, 'cert.pdf');
        expect((await postSigned(h, body, { contentType: 'application/json' })).status).toBe(200);
        await h.bot.drain();
        return JSON.stringify(h.api.callsOf('chat.postMessage').slice(before).at(-1)?.args.blocks);
      };
      expect(await posted()).toContain('none of yours is on your record yet');
      expect((await h.store.courseCertificates.find(TENANT, { where: { staffId: 'stf-sam' } })).length).toBe(0);
    });
  });
});
