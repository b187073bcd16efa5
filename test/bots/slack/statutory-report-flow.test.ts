import { Staff, statutoryReportId, statutoryTrainingId } from '../../../src/domain';
import { onBothStores } from '../../support/both-stores';
import { tenant } from '../../support/fixtures';
import { LocalFileHost, TEST_FILE_LIMITS } from '../../support/file-host';
import { startTestScheduler } from '../../support/test-scheduler';
import { JO, LINKS_ORIGIN, TENANT, buttonPress, findButton, modalSubmission, openedModal, postInteraction, postSigned, slashCommand, startSlackHarness, type SlackHarness } from './slack-harness';

const BOT_TOKEN = 'xoxb-test';
const PDF = new Uint8Array([...Buffer.from('%PDF-1.7\n1 0 obj << /Type /Catalog >> endobj\n%%EOF\n')]);
const SAM = { id: 'USAM', email: 'sam@school.example', name: 'Sam Lee' };
const MIA = { id: 'UMIA', email: 'mia@school.example', name: 'Mia Manager' };

/** A file dropped into the bot's DM: message.im with subtype file_share, as Slack sends it. */
function fileShare(host: LocalFileHost, eventId: string, user: string, name: string): string {
  const file = { id: eventId, name, title: name, mimetype: 'application/pdf', filetype: 'pdf', user, mode: 'hosted', is_external: false, size: 100, url_private_download: `${host.url}/files-pri/T0SCHOOL-${eventId}/download/${name}` };
  const event = { type: 'message', subtype: 'file_share', channel_type: 'im', channel: `D${user.slice(1)}`, user, text: '', ts: `1763000000.${eventId.length}`, files: [file] };
  return JSON.stringify({ type: 'event_callback', team_id: 'T0SCHOOL', api_app_id: 'A1', event_id: eventId, event_time: 1_763_000_000, event });
}

type Json = Record<string, unknown>;

/** Issue 26 item 2 in Slack: Jo reports statutory training in a modal with its certificate; the lead confirms or rejects it from a DM. */
onBothStores('slack-statutory-report', (label, open, done) => {
  describe(`reported statutory training via fake Slack API (real bolt App, signed requests, real scheduler) (${label})`, () => {
    let h: SlackHarness;
    let host: LocalFileHost;
    beforeAll(async () => {
      host = await new LocalFileHost(BOT_TOKEN).start();
      // Friday 20 November 2026, 09:00 (the harness's clock).
      h = await startSlackHarness({ openStore: open, links: true, files: TEST_FILE_LIMITS });
      for (const u of [JO, SAM, MIA]) h.api.users.set(u.id, u);
      await h.store.tenants.create({ ...tenant(TENANT), slackTeamId: h.api.teamId });
      await h.store.staff.create(Staff.parse({ tenantId: TENANT, id: 'stf-jo', name: JO.name, email: JO.email, schoolId: 'sch-1', lineManagerId: 'stf-mia' }));
      await h.store.staff.create(Staff.parse({ tenantId: TENANT, id: 'stf-sam', name: SAM.name, email: SAM.email, roles: ['staff', 'cpd-lead'] }));
      await h.store.staff.create(Staff.parse({ tenantId: TENANT, id: 'stf-mia', name: MIA.name, email: MIA.email, roles: ['staff', 'line-manager'] }));
      await h.bot.linkStaffByEmail(TENANT);
    });
    afterAll(async () => {
      await h.close();
      await host.stop();
      await done();
    });

    const toSam = () => h.api.callsOf('chat.postMessage').filter((c) => c.args.channel === SAM.id && String(c.args.text).includes('reported'));

    it('/cpd report training opens the modal; a future day comes back beside its field with nothing written; the report is sent to the lead with its certificate', async () => {
      await slashCommand(h, JO, 'report training', 'trg-report');
      const modal = openedModal(h, 'trg-report');
      expect(modal.callback_id).toBe('statutory.report.submit');
      expect((modal.blocks as Json[]).filter((b) => b.type === 'input').map((b) => b.block_id)).toEqual(['field:topic', 'field:completedOn']);

      const future = await postInteraction(h, modalSubmission(JO, modal, 'V-rep', { topic: 'Safeguarding', completedOn: '2026-11-21' }));
      expect(future.json).toEqual({ response_action: 'errors', errors: { 'field:completedOn': 'Report training once it is done: choose today or an earlier day.' } });
      expect(await h.store.statutoryReports.count(TENANT)).toBe(0);

      expect((await postInteraction(h, modalSubmission(JO, modal, 'V-rep', { topic: 'Safeguarding', completedOn: '2026-11-20' }))).text).toBe('');
      expect(await h.store.statutoryReports.count(TENANT)).toBe(1);

      host.put('/files-pri/T0SCHOOL-FSG/download/safeguarding.pdf', PDF);
      const before = h.api.callsOf('chat.postMessage').length;
      expect((await postSigned(h, fileShare(host, 'FSG', JO.id, 'safeguarding.pdf'), { contentType: 'application/json' })).status).toBe(200);
      await h.bot.drain();
      expect(JSON.stringify(h.api.callsOf('chat.postMessage').slice(before).at(-1)?.args.blocks)).toContain('Kept with your Safeguarding report');
      // Not taken for a booked course.
      expect(await h.store.courseCertificates.count(TENANT)).toBe(0);

      const scheduler = startTestScheduler(h, [h.bot.sender]);
      await scheduler.runOnce();
      await scheduler.stop();
      expect(toSam()).toHaveLength(1);
      const blocks = JSON.stringify(toSam()[0]!.args.blocks);
      expect(blocks).toContain('Jo Patel (Huntingdon Academy)');
      expect(blocks).toContain('safeguarding.pdf (PDF), sent with the report');
      // The lead opens it through a link signed for them; the same link edited to the line manager serves nothing.
      const link = new URL(JSON.parse(`"${blocks.match(/"url":"([^"]*\/links\/statutory-certificate\/[^"]*)"/)![1]!}"`) as string);
      expect(link.origin).toBe(LINKS_ORIGIN);
      const served = await fetch(`${h.baseUrl}${link.pathname}${link.search}`);
      expect(served.status).toBe(200);
      expect(served.headers.get('content-type')).toBe('application/pdf');
      expect(served.headers.get('cache-control')).toBe('private, no-store');
      expect(new Uint8Array(await served.arrayBuffer())).toEqual(PDF);
      expect((await fetch(`${h.baseUrl}${link.pathname.replace('stf-sam', 'stf-mia')}${link.search}`)).status).toBe(404);
      // The line manager is not asked.
      expect(h.api.callsOf('chat.postMessage').filter((c) => c.args.channel === MIA.id)).toEqual([]);
    });

    it('Reject opens the reason modal, refused without a reason; then Confirm on a later report puts it on the record', async () => {
      const card = toSam()[0]!;
      const where = { channel: SAM.id, ts: 'review-ts' };
      // The line manager pressing the lead's button is refused.
      await postInteraction(h, buttonPress(MIA, { channel: MIA.id, ts: 'x' }, findButton(card.args.blocks, 'statutory.report.confirm'), 'trg-mia'));
      expect(await h.store.statutoryTraining.count(TENANT)).toBe(0);

      await postInteraction(h, buttonPress(SAM, where, findButton(card.args.blocks, 'statutory.report.reject.open'), 'trg-reject'));
      const reasonModal = openedModal(h, 'trg-reject');
      expect(reasonModal.callback_id).toBe('statutory.report.reject');
      const empty = await postInteraction(h, modalSubmission(SAM, reasonModal, 'V-why', { reason: '' }));
      expect(empty.json).toEqual({ response_action: 'errors', errors: { 'field:reason': 'Give a reason: the person is told it.' } });
      expect((await h.store.statutoryReports.get(TENANT, statutoryReportId('stf-jo', 'Safeguarding', '2026-11-20')))!.value.status).toBe('reported');
      await postInteraction(h, modalSubmission(SAM, reasonModal, 'V-why', { reason: 'The certificate is for another person.' }));
      expect((await h.store.statutoryReports.get(TENANT, statutoryReportId('stf-jo', 'Safeguarding', '2026-11-20')))!.value).toMatchObject({ status: 'rejected', decidedBy: 'stf-sam' });
      expect(await h.store.statutoryTraining.count(TENANT)).toBe(0);

      // Jo reports the right day; Sam confirms it from the DM.
      await slashCommand(h, JO, 'report training', 'trg-report-2');
      await postInteraction(h, modalSubmission(JO, openedModal(h, 'trg-report-2'), 'V-rep-2', { topic: 'Safeguarding', completedOn: '2026-11-19' }));
      const scheduler = startTestScheduler(h, [h.bot.sender]);
      await scheduler.runOnce();
      await scheduler.stop();
      const jo = h.api.callsOf('chat.postMessage').filter((c) => c.args.channel === JO.id).map((c) => String(c.args.text));
      expect(jo).toContain('Your Safeguarding training of Friday 20 November 2026 was not confirmed: "The certificate is for another person". Report it again with "report training" once it is put right.');
      const second = toSam().at(-1)!;
      expect(JSON.stringify(second.args.blocks)).toContain('Thursday 19 November 2026');
      await postInteraction(h, buttonPress(SAM, { channel: SAM.id, ts: 'review-2' }, findButton(second.args.blocks, 'statutory.report.confirm'), 'trg-confirm'));
      expect(JSON.stringify(h.api.callsOf('chat.update').at(-1)!.args.blocks)).toContain('Confirmed by Sam Lee: it is on the record.');
      expect((await h.store.statutoryTraining.get(TENANT, statutoryTrainingId('stf-jo', 'Safeguarding')))!.value).toMatchObject({ completedOn: '2026-11-19', expiresOn: '2027-11-19' });
    });
    it('the session modal offers the statutory topics; a session covering one renews the record of those ticked present in the register modal, once', async () => {
      await slashCommand(h, SAM, 'new session', 'trg-new');
      const form = openedModal(h, 'trg-new');
      const topicBlock = (form.blocks as Json[]).find((b) => b.block_id === 'field:statutoryTopic')!;
      expect(((topicBlock.element as Json).options as Json[]).map((o) => o.value)).toEqual(['Safeguarding', 'Prevent', 'Fire safety', 'DSL', 'First aid']);
      // Thursday 26 November 2026, 16:00 London.
      const startsAt = String(Date.parse('2026-11-26T16:00:00.000Z') / 1000);
      const answers = { title: 'Prevent refresher', category: 'P', kind: 'inset', startsAt, durationMinutes: '60', place: 'Hall', audienceKind: 'staff', audienceValue: JO.email, compulsory: ['yes'], statutoryTopic: 'Prevent' };
      expect((await postInteraction(h, modalSubmission(SAM, form, 'V-new', answers))).text).toBe('');
      const [created] = await h.store.sessions.find(TENANT, { where: { title: 'Prevent refresher' } });
      expect(created?.value.statutoryTopic).toBe('Prevent');

      h.clock.set('2026-11-26T16:10:00.000Z');
      await slashCommand(h, SAM, 'register prevent refresher', 'trg-reg');
      const register = openedModal(h, 'trg-reg');
      expect(register.callback_id).toBe('register.submit');
      await postInteraction(h, modalSubmission(SAM, register, 'V-reg', { 'register:expected:0': ['stf-jo'] }));
      const receipt = h.api.callsOf('chat.postMessage').filter((c) => c.args.channel === SAM.id).at(-1)!;
      expect(String(receipt.args.text)).toBe("Register saved: 1 present, 0 absent (Prevent renewed on 1 person's record): Prevent refresher");
      expect((await h.store.statutoryTraining.get(TENANT, statutoryTrainingId('stf-jo', 'Prevent')))!.value).toMatchObject({ completedOn: '2026-11-26', expiresOn: '2028-11-26' });
      const versions = (await h.store.statutoryTraining.find(TENANT, { where: { staffId: 'stf-jo' } })).map((t) => t.version).sort();
      await postInteraction(h, modalSubmission(SAM, register, 'V-reg-2', { 'register:expected:0': ['stf-jo'] }));
      expect((await h.store.statutoryTraining.find(TENANT, { where: { staffId: 'stf-jo' } })).map((t) => t.version).sort()).toEqual(versions);
    });
  });
});
