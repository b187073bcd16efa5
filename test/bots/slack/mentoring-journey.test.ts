import { Staff, deliveryId, progressReviewId } from '../../../src/domain';
import type { Scheduler } from '../../../src/scheduler/scheduler';
import { onBothStores } from '../../support/both-stores';
import { LocalFileHost, TEST_FILE_LIMITS } from '../../support/file-host';
import { tenant } from '../../support/fixtures';
import { startTestScheduler } from '../../support/test-scheduler';
import { buttonPress, findButton, JO, LEAD, modalSubmission, openedModal, postInteraction, postSigned, slashCommand, startSlackHarness, TENANT, type SlackHarness } from './slack-harness';

const BOT_TOKEN = 'xoxb-test';
const SAM = { id: 'USAM', email: 'sam.lee@school.example', name: 'Sam Lee' };
const MORGAN = { id: 'UMORGAN', email: 'morgan@school.example', name: 'Morgan Reid' };

// The staff list as the MIS exports it: Jo is an ECT, Sam her subject mentor, Lee her induction tutor, Morgan her line manager.
const ROSTER = [
  'Email Address,Full Name,Career Stage,Line Manager,Subject Mentor,Induction Tutor',
  'lee.lead@school.example,Lee Lead,,,,',
  'morgan@school.example,Morgan Reid,,,,',
  'sam.lee@school.example,Sam Lee,,Morgan Reid,,',
  'jo.patel@school.example,Jo Patel,ECT,Morgan Reid,Sam Lee,lee.lead@school.example',
].join('\r\n');
const CALENDAR = [
  'Type,Name,Start,End',
  'Term,Autumn,2026-09-01,2026-12-18',
  'Holiday,October half term,2026-10-26,2026-10-30',
  'Holiday,Christmas,2026-12-21,2027-01-01',
  'Term,Spring,2027-01-04,2027-03-26',
  'Term,Summer,2027-04-12,2027-07-21',
].join('\r\n');
const FOCUS_1 = 'Settling in. Q&A. Support mechanisms. Reflection.';
const FOCUS_2 = 'Classroom climate and Behaviour for Learning. Experiences so far.';
const MENTORING_KINDS = ['mentoring-reminder', 'mentoring-record', 'mentoring-action-nudge', 'progress-review-prompt', 'progress-review-at-risk', 'mentoring-gap', 'induction-digest', 'mentoring-reflection'];

function fileShare(host: LocalFileHost, id: string, name: string, ts: string): string {
  const file = { id, name, title: name, mimetype: 'text/csv', filetype: 'csv', user: LEAD.id, mode: 'hosted', size: 400, url_private: `${host.url}/files-pri/T0SCHOOL-${id}/${name}`, url_private_download: `${host.url}/files-pri/T0SCHOOL-${id}/download/${name}` };
  const event = { type: 'message', subtype: 'file_share', channel_type: 'im', channel: 'DLEAD', user: LEAD.id, text: '', ts, files: [file] };
  return JSON.stringify({ type: 'event_callback', team_id: 'T0SCHOOL', api_app_id: 'A1', event_id: `Ev${id}`, event_time: 1_763_000_000, event });
}

onBothStores('slack-mentoring-journey', (label, open, done) => {
  describe(`mentoring end to end (issue 30) in Slack (${label}; real bolt, signed requests, fake Slack API, real scheduler, manual clock)`, () => {
    let h: SlackHarness;
    let host: LocalFileHost;
    let scheduler: Scheduler;
    beforeAll(async () => {
      host = await new LocalFileHost(BOT_TOKEN).start();
      h = await startSlackHarness({ openStore: open, files: TEST_FILE_LIMITS });
      h.clock.set('2026-09-01T09:00:00.000Z');
      for (const u of [JO, LEAD, SAM, MORGAN]) h.api.users.set(u.id, u);
      await h.store.tenants.create({ ...tenant(TENANT), slackTeamId: h.api.teamId });
      await h.store.staff.create(Staff.parse({ tenantId: TENANT, id: 'stf-lead', name: LEAD.name, email: LEAD.email, roles: ['staff', 'cpd-lead'] }));
      await h.store.staff.create(Staff.parse({ tenantId: TENANT, id: 'stf-jo', name: JO.name, email: JO.email, roles: ['staff'] }));
      await h.store.staff.create(Staff.parse({ tenantId: TENANT, id: 'stf-sam', name: SAM.name, email: SAM.email, roles: ['staff'] }));
      await h.store.staff.create(Staff.parse({ tenantId: TENANT, id: 'stf-morgan', name: MORGAN.name, email: MORGAN.email, roles: ['staff', 'line-manager'] }));
      await h.bot.linkStaffByEmail(TENANT);
      scheduler = startTestScheduler(h, [h.bot.sender]);
    });
    afterAll(async () => {
      await scheduler.stop();
      await h.close();
      await host.stop();
      await done();
    });

    const ephemeral = (trigger: string) => JSON.stringify(h.api.ephemeralFrom(`/response/${trigger}`)!.args.blocks);
    const sendFile = async (id: string, name: string, body: string, ts: string) => {
      host.put(`/files-pri/T0SCHOOL-${id}/download/${name}`, body);
      const before = h.api.callsOf('chat.postMessage').length;
      expect((await postSigned(h, fileShare(host, id, name, ts), { contentType: 'application/json' })).status).toBe(200);
      await h.bot.drain();
      const preview = h.api.callsOf('chat.postMessage').slice(before).at(-1)!.args;
      return { preview: JSON.stringify(preview.blocks), importIt: async () => {
          await postInteraction(h, buttonPress(LEAD, { channel: 'DLEAD', ts }, findButton(preview.blocks, 'file.import'), `trg-import-${id}`));
          await h.bot.drain();
          return JSON.stringify(h.api.callsOf('chat.update').filter((c) => c.args.ts === ts).at(-1)?.args.blocks);
        },
      };
    };
    const dms = (user: { id: string }, text: string) => h.api.callsOf('chat.postMessage').filter((c) => c.args.channel === user.id && JSON.stringify(c.args).includes(text));
    const tick = async (at: string) => {
      h.clock.set(at);
      await scheduler.runOnce();
      await h.bot.drain();
    };
    const sent = async (kind: Parameters<typeof deliveryId>[0], recipientId: string, subjectKey: string, slot = '') => (await h.store.deliveries.get(TENANT, deliveryId(kind, recipientId, subjectKey, slot)))!.value;
    const message = (d: { platformConversationId?: string; platformMessageId?: string }) => ({ channel: d.platformConversationId!, ts: d.platformMessageId! });
    const m1 = async () => (await h.store.mentoringMeetings.find(TENANT, { where: { menteeId: 'stf-jo' } })).map((v) => v.value).find((m) => m.itemKey === 'm1')!;

    it('the lead shares the staff list with Subject Mentor and Induction Tutor columns in the DM; Import makes the links', async () => {
      const roster = await sendFile('FJ1', 'staff.csv', ROSTER, '1788000000.1');
      expect(roster.preview).toContain("would make Sam Lee Jo Patel's subject mentor");
      expect(roster.preview).toContain("would make Lee Lead Jo Patel's induction tutor");
      expect(await roster.importIt()).toContain("made Sam Lee Jo Patel's subject mentor");
      expect((await h.store.staff.get(TENANT, 'stf-jo'))?.value).toMatchObject({ pathway: 'ect', lineManagerId: 'stf-morgan' });
      expect(await h.store.mentoringLinks.count(TENANT, { menteeId: 'stf-jo' })).toBe(2);
    });

    it('the lead assigns seed 000 to Jo: refused until the calendar is imported, then her meetings are planned in school weeks', async () => {
      await slashCommand(h, LEAD, 'programmes assign new teacher to Jo Patel', 'trg-assign-1');
      expect(ephemeral('trg-assign-1')).toContain('the school calendar has no autumn term for 2026-27');
      const calendar = await sendFile('FJ2', 'term-dates.csv', CALENDAR, '1788000000.2');
      expect(calendar.preview).toContain('Autumn');
      expect(await calendar.importIt()).toContain('Imported term-dates.csv');
      await slashCommand(h, LEAD, 'programmes assign new teacher to Jo Patel', 'trg-assign-2');
      expect(ephemeral('trg-assign-2')).toContain('1 person assigned; 9 meetings planned.');
      expect(await m1()).toMatchObject({ weekStart: '2026-09-07', mentorId: 'stf-sam', status: 'planned', focus: FOCUS_1 });
    });

    it('school week 2: both are reminded with the focus; Sam records the meeting in the modal; Jo reflects in hers', async () => {
      await tick('2026-09-07T07:00:00.000Z');
      const joDm = dms(JO, FOCUS_1).at(-1)!;
      const samDm = dms(SAM, FOCUS_1).at(-1)!;
      expect(String(joDm.args.text)).toContain(`This week: Meeting with your subject mentor, Sam Lee. Focus: ${FOCUS_1}`);
      expect(dms(MORGAN, FOCUS_1)).toEqual([]);

      const id = (await m1()).id;
      await postInteraction(h, buttonPress(SAM, message(await sent('mentoring-reminder', 'stf-sam', id, '2026-09-07')), findButton(samDm.args.blocks, 'mentoring.record.open'), 'trg-record'));
      h.clock.set('2026-09-08T14:00:00.000Z');
      const answers = { heldOn: '2026-09-08', focus: FOCUS_1, wentWell: 'Routines at the door.', action1: 'Observe a Year 8 lesson with Sam', action1Due: '2026-09-18', minutes: '45' };
      expect((await postInteraction(h, modalSubmission(SAM, openedModal(h, 'trg-record'), 'V-rec', answers))).text).toBe('');
      expect(await m1()).toMatchObject({ status: 'held', record: { minutes: 45, actions: [{ dueOn: '2026-09-18' }] } });

      await tick('2026-09-08T14:05:00.000Z');
      const recordDm = dms(JO, 'Routines at the door.').at(-1)!;
      expect(String(recordDm.args.text)).toContain('Your meeting record');
      await postInteraction(h, buttonPress(JO, message(await sent('mentoring-record', 'stf-jo', id)), findButton(recordDm.args.blocks, 'mentoring.reflect.open'), 'trg-reflect'));
      expect((await postInteraction(h, modalSubmission(JO, openedModal(h, 'trg-reflect'), 'V-ref', { reflection: 'Seating plans first.' }))).text).toBe('');
      expect((await m1()).reflection?.text).toBe('Seating plans first.');
    });

    it('Sam, who held the meeting, is told once that Jo reflected (not quoted) and opens the meeting to read it; saving again tells nobody again', async () => {
      await tick('2026-09-08T14:10:00.000Z');
      const notices = dms(SAM, 'added a reflection');
      expect(notices.map((c) => c.args.text)).toEqual(['Jo Patel added a reflection to your meeting of Tuesday 8 September (Settling in. Q&A. Support mechanisms. Reflection).']);
      expect(JSON.stringify(notices[0]!.args)).not.toContain('Seating plans first');
      const id = (await m1()).id;
      await postInteraction(h, buttonPress(SAM, message(await sent('mentoring-reflection', 'stf-sam', id)), findButton(notices[0]!.args.blocks, 'mentoring.reflect.open'), 'trg-sam-reads'));
      const meeting = JSON.stringify(openedModal(h, 'trg-sam-reads'));
      expect(meeting).toContain('Seating plans first.');
      expect(meeting).not.toContain('"submit"');
      await postInteraction(h, buttonPress(JO, message(await sent('mentoring-record', 'stf-jo', id)), findButton(dms(JO, 'Routines at the door.').at(-1)!.args.blocks, 'mentoring.reflect.open'), 'trg-reflect-again'));
      await tick('2026-09-08T14:20:00.000Z');
      expect(dms(SAM, 'added a reflection')).toHaveLength(1);
      expect(dms(MORGAN, 'added a reflection')).toEqual([]);
    });

    it('school week 3: both are reminded of the second meeting, with its focus', async () => {
      await tick('2026-09-14T07:00:00.000Z');
      expect(String(dms(JO, FOCUS_2).at(-1)!.args.text)).toContain('Meeting with your subject mentor, Sam Lee');
      expect(dms(SAM, FOCUS_2)).toHaveLength(1);
      expect(dms(MORGAN, FOCUS_2)).toEqual([]);
    });

    it('the agreed action is nudged to Jo on its due day', async () => {
      await tick('2026-09-18T07:00:00.000Z');
      const nudge = dms(JO, 'Observe a Year 8 lesson with Sam').filter((c) => String(c.args.text).startsWith('Due')).at(-1)!;
      expect(findButton(nudge.args.blocks, 'mentoring.action.done')).toBeDefined();
      expect((await sent('mentoring-action-nudge', 'stf-jo', `${(await m1()).id}:a1`, 'due')).status).toBe('sent');
    });

    it('the termly review reaches Sam and Lee; recorded at risk, Lee (the induction tutor) is told at once', async () => {
      await tick('2026-12-07T08:00:00.000Z');
      const prompt = dms(SAM, 'Progress review due: Jo Patel').at(-1)!;
      expect(JSON.stringify(prompt.args.blocks)).toContain('Seating plans first.');
      expect(dms(LEAD, 'Progress review due: Jo Patel')).toHaveLength(1);
      expect(dms(JO, 'Progress review due')).toEqual([]);
      const d = await sent('progress-review-prompt', 'stf-sam', progressReviewId('stf-jo', '2026-27', 1));
      await postInteraction(h, buttonPress(SAM, message(d), findButton(prompt.args.blocks, 'review.open'), 'trg-review'));
      expect((await postInteraction(h, modalSubmission(SAM, openedModal(h, 'trg-review'), 'V-rv', { outcome: 'at-risk', summary: 'Behaviour management is not yet secure.' }))).text).toBe('');
      await tick('2026-12-07T08:01:00.000Z');
      expect(JSON.stringify(dms(LEAD, 'At risk: Jo Patel').at(-1)!.args.blocks)).toContain('Behaviour management is not yet secure.');
    });

    it('privacy: Morgan, her line manager, received none of it', async () => {
      const toMorgan = (await h.store.deliveries.find(TENANT, { where: { recipientId: 'stf-morgan' } })).map((d) => d.value.kind);
      expect(toMorgan.filter((k) => MENTORING_KINDS.includes(k))).toEqual([]);
      const seen = JSON.stringify([...h.api.callsOf('chat.postMessage'), ...h.api.callsOf('chat.update'), ...h.api.callsOf('chat.postEphemeral')].filter((c) => c.args.channel === MORGAN.id || c.args.user === MORGAN.id));
      for (const text of [FOCUS_1, FOCUS_2, 'Routines at the door', 'Seating plans first', 'Observe a Year 8 lesson', 'Progress review', 'At risk', 'Behaviour management']) expect(seen).not.toContain(text);
      expect((await h.store.deliveries.find(TENANT, { where: { recipientId: 'stf-jo' } })).map((d) => d.value.kind)).toEqual(expect.arrayContaining(['mentoring-reminder', 'mentoring-record', 'mentoring-action-nudge']));
    });

    it("the induction tutor's fortnightly digest counts Jo's meetings and names the review's outcome, never its summary; Morgan's digest gains none of it", async () => {
      await tick('2027-01-11T07:30:00.000Z'); // a Monday of an even ISO week, at the digest time
      const digest = JSON.stringify(dms(LEAD, 'Your early-career teachers').at(-1)!.args.blocks);
      expect(digest).toContain('Jo Patel');
      expect(digest).toContain('Latest review: at risk (2026-27, term 1)');
      expect(digest).not.toContain('Behaviour management');
      expect(dms(MORGAN, 'Your early-career teachers')).toEqual([]);
      const managerDigests = dms(MORGAN, 'Your team');
      expect(JSON.stringify(managerDigests)).toContain('Jo Patel');
      for (const call of managerDigests) expect(JSON.stringify(call.args)).not.toMatch(/mentor|review|risk|Behaviour management|Meetings held/i);
    });
  });
});
