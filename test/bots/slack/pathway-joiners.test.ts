import { programmeAssignmentId, Staff } from '../../../src/domain';
import type { Scheduler } from '../../../src/scheduler/scheduler';
import { onBothStores } from '../../support/both-stores';
import { LocalFileHost, TEST_FILE_LIMITS } from '../../support/file-host';
import { schoolYear2026Calendar, tenant } from '../../support/fixtures';
import { startTestScheduler } from '../../support/test-scheduler';
import { buttonPress, findButton, JO, LEAD, postInteraction, postSigned, slashCommand, startSlackHarness, TENANT, type SlackHarness } from './slack-harness';

const BOT_TOKEN = 'xoxb-test';
const SAM = { id: 'USAM', email: 'sam.lee@school.example', name: 'Sam Lee' };
const KAI = { id: 'UKAI', email: 'kai.lowe@school.example', name: 'Kai Lowe' };
const LOU = { id: 'ULOU', email: 'lou.quinn@school.example', name: 'Lou Quinn' };

// The next staff list: Kai and Lou are now early-career teachers; Kai has Sam as subject mentor, Lou nobody yet.
const ROSTER = [
  'Email Address,Full Name,Career Stage,Subject Mentor',
  'lee.lead@school.example,Lee Lead,,',
  'sam.lee@school.example,Sam Lee,,',
  'jo.patel@school.example,Jo Patel,ECT,',
  'kai.lowe@school.example,Kai Lowe,ECT,Sam Lee',
  'lou.quinn@school.example,Lou Quinn,ECT,',
].join('\r\n');

function fileShare(host: LocalFileHost, id: string, name: string, ts: string): string {
  const file = { id, name, title: name, mimetype: 'text/csv', filetype: 'csv', user: LEAD.id, mode: 'hosted', size: 400, url_private: `${host.url}/files-pri/T0SCHOOL-${id}/${name}`, url_private_download: `${host.url}/files-pri/T0SCHOOL-${id}/download/${name}` };
  const event = { type: 'message', subtype: 'file_share', channel_type: 'im', channel: 'DLEAD', user: LEAD.id, text: '', ts, files: [file] };
  return JSON.stringify({ type: 'event_callback', team_id: 'T0SCHOOL', api_app_id: 'A1', event_id: `Ev${id}`, event_time: 1_763_000_000, event });
}

/** A programme assigned to the ECT pathway reaches the early-career teachers of the next staff list, in Slack. */
onBothStores('slack-pathway-joiners', (label, open, done) => {
  describe(`a pathway's programme reaches people who join it later, in Slack (${label}; real bolt, signed requests, fake Slack API, real scheduler, manual clock)`, () => {
    let h: SlackHarness;
    let host: LocalFileHost;
    let scheduler: Scheduler;
    beforeAll(async () => {
      host = await new LocalFileHost(BOT_TOKEN).start();
      h = await startSlackHarness({ openStore: open, files: TEST_FILE_LIMITS });
      h.clock.set('2026-09-01T09:00:00.000Z');
      for (const u of [JO, LEAD, SAM, KAI, LOU]) h.api.users.set(u.id, u);
      await h.store.tenants.create({ ...tenant(TENANT), slackTeamId: h.api.teamId });
      await h.store.calendars.put(
        schoolYear2026Calendar(TENANT, '2026-09-01'),
      );
      const person = (id: string, u: { name: string; email: string }, extra: Partial<Staff> = {}) => h.store.staff.create(Staff.parse({ tenantId: TENANT, id, name: u.name, email: u.email, roles: ['staff'], ...extra }));
      await person('stf-lead', LEAD, { roles: ['staff', 'cpd-lead'] });
      await person('stf-jo', JO, { pathway: 'ect' });
      await person('stf-sam', SAM);
      await person('stf-kai', KAI);
      await person('stf-lou', LOU);
      await h.bot.linkStaffByEmail(TENANT);
      scheduler = startTestScheduler(h, [h.bot.sender]);
    });
    afterAll(async () => {
      await scheduler.stop();
      await h.close();
      await host.stop();
      await done();
    });

    const ask = async (text: string, trigger: string) => {
      await slashCommand(h, LEAD, text, trigger);
      return JSON.stringify(h.api.ephemeralFrom(`/response/${trigger}`)!.args.blocks);
    };
    const dms = (user: { id: string }, text: string) => h.api.callsOf('chat.postMessage').filter((c) => c.args.channel === user.id && JSON.stringify(c.args).includes(text));
    const meetingsOf = async (menteeId: string) => (await h.store.mentoringMeetings.find(TENANT, { where: { menteeId } })).map((v) => v.value).sort((a, b) => a.weekStart.localeCompare(b.weekStart));

    it('the lead assigns seed 000 to the ECT pathway: Jo is assigned, and the pathway keeps it for whoever joins', async () => {
      const answer = await ask('programmes assign new teacher to pathway ect', 'trg-assign');
      expect(answer).toContain('1 person assigned; 9 meetings planned.');
      expect(answer).toContain('Whoever joins the ect pathway until the end of 2026-27 is given it too');
      expect(await ask('programmes', 'trg-list-1')).toContain('the ect pathway, 2026-27; 0 people have joined since');
    });

    it('after half term the next staff list makes Kai and Lou early-career teachers; the scheduler assigns them, from that week on', async () => {
      h.clock.set('2026-11-02T09:00:00.000Z');
      host.put('/files-pri/T0SCHOOL-FP1/download/staff.csv', ROSTER);
      const before = h.api.callsOf('chat.postMessage').length;
      expect((await postSigned(h, fileShare(host, 'FP1', 'staff.csv', '1790000000.1'), { contentType: 'application/json' })).status).toBe(200);
      await h.bot.drain();
      const preview = h.api.callsOf('chat.postMessage').slice(before).at(-1)!.args;
      await postInteraction(h, buttonPress(LEAD, { channel: 'DLEAD', ts: '1790000000.1' }, findButton(preview.blocks, 'file.import'), 'trg-import'));
      await h.bot.drain();
      expect(JSON.stringify(h.api.callsOf('chat.update').at(-1)?.args.blocks)).toContain("made Sam Lee Kai Lowe's subject mentor");
      await scheduler.runOnce();
      for (const id of ['stf-kai', 'stf-lou']) {
        expect((await h.store.programmeAssignments.get(TENANT, programmeAssignmentId(id, 'builtin-new-teacher', '2026-27')))?.value.viaPathway).toBeDefined();
        const meetings = await meetingsOf(id);
        expect(meetings.length).toBeGreaterThan(0);
        expect(meetings.every((m) => m.weekStart >= '2026-11-02')).toBe(true);
      }
      expect((await meetingsOf('stf-kai')).every((m) => m.mentorId === 'stf-sam')).toBe(true);
      await scheduler.runOnce();
      expect(await h.store.programmeAssignments.count(TENANT)).toBe(3);
    });

    it('their first meeting week: Kai and Sam are reminded; Lou is reminded and the lead is told Lou has no mentor', async () => {
      const first = (await meetingsOf('stf-kai'))[0]!;
      h.clock.set(`${first.weekStart}T08:00:00.000Z`);
      await scheduler.runOnce();
      await h.bot.drain();
      expect(String(dms(KAI, first.focus).at(-1)?.args.text)).toContain(`This week: Meeting with your subject mentor, Sam Lee. Focus: ${first.focus}`);
      expect(dms(SAM, 'Meeting with Kai Lowe')).toHaveLength(1);
      expect(dms(LOU, first.focus)).toHaveLength(1);
      expect(JSON.stringify(dms(LEAD, 'Lou Quinn has a mentoring meeting').at(-1)?.args)).toContain('no subject mentor is named, so only they were reminded');
    });

    it('the lead sees who joined, and ends it', async () => {
      expect(await ask('programmes', 'trg-list-2')).toContain('the ect pathway, 2026-27; 2 people have joined since');
      expect(await ask('programmes unassign new teacher from pathway ect', 'trg-end')).toContain('is no longer assigned to the ect pathway (from 2026-27): people who join it from now on are not given it.');
      expect(await ask('programmes', 'trg-list-3')).not.toContain('Assigned to a pathway');
    });
  });
});
