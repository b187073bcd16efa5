import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Staff } from '../../../src/domain';
import { onBothStores } from '../../support/both-stores';
import { BAD_ROSTER, GOOD_ROSTER, LocalFileHost, TEST_FILE_LIMITS } from '../../support/file-host';
import { tenant } from '../../support/fixtures';
import { buttonPress, findButton, JO, LEAD, postInteraction, postSigned, startSlackHarness, TENANT, type SlackHarness } from './slack-harness';

type Json = Record<string, unknown>;
const BOT_TOKEN = 'xoxb-test';

/** A file as Slack describes it in `files[]` and files.info (trimmed of thumbnails and permalinks). */
function slackFile(host: LocalFileHost, id: string, name: string, url?: string): Json {
  return {
    id,
    created: 1_763_000_000,
    timestamp: 1_763_000_000,
    name,
    title: name,
    mimetype: 'text/csv',
    filetype: 'csv',
    pretty_type: 'CSV',
    user: LEAD.id,
    mode: 'hosted',
    is_external: false,
    size: 300,
    url_private: url ?? `${host.url}/files-pri/T0SCHOOL-${id}/${name}`,
    url_private_download: url ?? `${host.url}/files-pri/T0SCHOOL-${id}/download/${name}`,
  };
}

function envelope(eventId: string, event: Json): string {
  return JSON.stringify({ type: 'event_callback', team_id: 'T0SCHOOL', api_app_id: 'A1', event_id: eventId, event_time: 1_763_000_000, event });
}

/** A file dropped into the bot's DM: message.im with subtype file_share, as Slack sends it. */
function fileShareMessage(eventId: string, user: string, file: Json): string {
  return envelope(eventId, { type: 'message', subtype: 'file_share', channel_type: 'im', channel: `D${user.slice(1)}`, user, text: '', ts: `1763000000.${eventId.length}`, upload: false, display_as_bot: false, files: [file] });
}

/** file_shared (files:read): only the id, the user and the channel. */
function fileSharedEvent(eventId: string, user: string, fileId: string, channel = `D${user.slice(1)}`): string {
  return envelope(eventId, { type: 'file_shared', file_id: fileId, user_id: user, file: { id: fileId }, channel_id: channel, event_ts: '1763000000.000200' });
}

const transcript: string[] = [];

/** What a person reads in a posted Block Kit message; buttons as [Label]. */
function blocksText(blocks: unknown): string {
  const lines: string[] = [];
  for (const b of (blocks as Json[]) ?? []) {
    const text = (b.text as Json | undefined)?.text;
    if (typeof text === 'string') lines.push(text);
    const elements = (b.elements as Json[] | undefined) ?? [];
    if (b.type === 'actions') lines.push(elements.map((e) => `[${String((e.text as Json).text)}]`).join(' '));
    else for (const e of elements) if (typeof e.text === 'string') lines.push(e.text);
  }
  return lines.join('\n');
}

onBothStores('slack-files', (label, open, done) => {
  describe(`a CPD lead sends files to the bot in Slack (${label}; real bolt, signed requests, fake Slack API, local file host)`, () => {
    let h: SlackHarness;
    let host: LocalFileHost;

    async function send(body: string): Promise<Json | undefined> {
      const before = h.api.callsOf('chat.postMessage').length;
      const reply = await postSigned(h, body, { contentType: 'application/json' });
      expect(reply.status).toBe(200);
      await h.bot.drain();
      const posted = h.api.callsOf('chat.postMessage').slice(before);
      return posted.at(-1)?.args;
    }

    beforeAll(async () => {
      host = await new LocalFileHost(BOT_TOKEN).start();
      h = await startSlackHarness({ openStore: open, files: TEST_FILE_LIMITS });
      h.api.users.set(JO.id, JO);
      h.api.users.set(LEAD.id, LEAD);
      await h.store.tenants.create({ ...tenant(TENANT), slackTeamId: h.api.teamId });
      await h.store.staff.create(Staff.parse({ tenantId: TENANT, id: 'stf-lead', name: LEAD.name, email: LEAD.email, roles: ['staff', 'cpd-lead'] }));
      await h.store.staff.create(Staff.parse({ tenantId: TENANT, id: 'stf-jo', name: JO.name, email: JO.email, roles: ['staff'] }));
    });
    afterAll(async () => {
      await h.close();
      await host.stop();
      await done();
      if (process.env.TRANSCRIPT_DIR && label === 'embedded store') writeFileSync(join(process.env.TRANSCRIPT_DIR, 'slack-roster-transcript.txt'), transcript.join('\n'));
    });

    it('a roster with problems is refused in the DM with every problem by row, no buttons, nothing written', async () => {
      host.put('/files-pri/T0SCHOOL-F1/download/staff-bad.csv', BAD_ROSTER);
      transcript.push('Lee (lead): [drops staff-bad.csv into the DM]');
      const answer = await send(fileShareMessage('EvF1', LEAD.id, slackFile(host, 'F1', 'staff-bad.csv')));
      transcript.push(`Twilight: ${blocksText(answer!.blocks).replace(/\n/g, '\n    ')}`);
      const text = JSON.stringify(answer!.blocks);
      expect(answer!.channel).toBe('DLEAD');
      expect(text).toMatch(/row 3: E-mail: .*ravi.kumar-at-school.example/);
      expect(text).toContain('row 4: Line Manager: nobody in the file or the staff list is called');
      expect(text).not.toContain('file.import');
      expect(await h.store.staff.count(TENANT)).toBe(2);
      // Fetched with the bot token, as Slack requires for url_private_download.
      expect(host.requests.at(-1)).toEqual({ path: '/files-pri/T0SCHOOL-F1/download/staff-bad.csv', authorization: `Bearer ${BOT_TOKEN}` });
    });

    it('a good roster (message files[]) is previewed; its file_shared twin answers nothing more; Import writes it; sending it again changes nothing', async () => {
      const file = slackFile(host, 'F2', 'staff.csv');
      host.put('/files-pri/T0SCHOOL-F2/download/staff.csv', GOOD_ROSTER);
      transcript.push('Lee (lead): [drops staff.csv into the DM]');
      const preview = await send(fileShareMessage('EvF2', LEAD.id, file));
      transcript.push(`Twilight: ${blocksText(preview!.blocks).replace(/\n/g, '\n    ')}`);
      expect(JSON.stringify(preview!.blocks)).toContain('3 people would be added');
      expect(await h.store.staff.count(TENANT)).toBe(2);
      // Slack also sends file_shared for the same upload: the file is already handled.
      const posts = h.api.callsOf('chat.postMessage').length;
      await send(fileSharedEvent('EvF2b', LEAD.id, 'F2'));
      expect(h.api.callsOf('chat.postMessage').length).toBe(posts);

      const importButton = findButton(preview!.blocks, 'file.import');
      transcript.push('Lee (lead): [presses Import]');
      const updatesBefore = h.api.callsOf('chat.update').length;
      await postInteraction(h, buttonPress(LEAD, { channel: 'DLEAD', ts: '1763000000.1' }, importButton, 'trg-import'));
      const updated = h.api.callsOf('chat.update').slice(updatesBefore).at(-1)!.args;
      transcript.push(`Twilight: ${blocksText(updated.blocks).replace(/\n/g, '\n    ')}`);
      expect(JSON.stringify(updated.blocks)).toContain('Imported staff.csv');
      expect(await h.store.staff.count(TENANT)).toBe(5);

      const again = await send(fileShareMessage('EvF3', LEAD.id, slackFile(host, 'F3', 'staff.csv', `${host.url}/files-pri/T0SCHOOL-F2/download/staff.csv`)));
      transcript.push('Lee (lead): [drops staff.csv into the DM again]');
      transcript.push(`Twilight: ${blocksText(again!.blocks).replace(/\n/g, '\n    ')}`);
      expect(JSON.stringify(again!.blocks)).toContain('Everyone in this file is already in Twilight');
      expect(await h.store.staff.count(TENANT)).toBe(5);
    });

    it('a file known only by file_shared is looked up with files.info, then previewed (statutory training)', async () => {
      const csv = 'Email Address,Training,Date Completed,Expiry Date\r\ndawn.cooper@school.example,Safeguarding,2026-09-01,2027-09-01\r\nravi.kumar@school.example,Safeguarding,2026-09-01,2025-09-01\r\n';
      host.put('/files-pri/T0SCHOOL-F4/download/training.csv', csv);
      h.api.files.set('F4', slackFile(host, 'F4', 'training.csv'));
      const answer = await send(fileSharedEvent('EvF4', LEAD.id, 'F4'));
      const text = JSON.stringify(answer!.blocks);
      expect(h.api.callsOf('files.info').at(-1)!.args.file).toBe('F4');
      expect(text).toContain('Statutory training: training.csv');
      // The problem is named by the file's own heading, not the bot's field name.
      expect(text).toContain('row 3: Expiry Date: expires must be after completed');
      expect(await h.store.statutoryTraining.count(TENANT)).toBe(0);
    });

    it('a file shared in a channel, not the DM, is not taken', async () => {
      const posts = h.api.callsOf('chat.postMessage').length;
      await send(fileSharedEvent('EvF5', LEAD.id, 'F4', 'C0STAFFROOM'));
      expect(h.api.callsOf('chat.postMessage').length).toBe(posts);
    });

    it('a file link to any host but the allowed file host is refused and never fetched, with or without the token', async () => {
      const before = host.requests.length;
      host.put('/files-pri/T0SCHOOL-F6/download/x.csv', GOOD_ROSTER);
      const answer = await send(fileShareMessage('EvF6', LEAD.id, slackFile(host, 'F6', 'x.csv', host.elsewhere('/files-pri/T0SCHOOL-F6/download/x.csv'))));
      expect(JSON.stringify(answer!.blocks)).toContain('I only open files stored by Teams or Slack themselves, and this one is at localhost');
      expect(host.requests.length).toBe(before);
    });

    it('a workbook gets the "save it as CSV" answer; a teacher is told only leads import', async () => {
      const workbook = await send(fileShareMessage('EvF7', LEAD.id, slackFile(host, 'F7', 'staff.xlsx')));
      expect(JSON.stringify(workbook!.blocks)).toContain('save it as');
      const before = host.requests.length;
      host.put('/files-pri/T0SCHOOL-F8/download/staff.csv', GOOD_ROSTER);
      const jo = await send(fileShareMessage('EvF8', JO.id, slackFile(host, 'F8', 'staff.csv')));
      expect(JSON.stringify(jo!.blocks)).toContain('Only CPD leads can import files');
      expect(host.requests.length).toBe(before);
    });
  });
});
