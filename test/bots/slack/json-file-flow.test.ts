import { runCli } from '../../../src/cli/run-cli';
import { Staff } from '../../../src/domain';
import { onBothStores } from '../../support/both-stores';
import { LocalFileHost, TEST_FILE_LIMITS } from '../../support/file-host';
import { tenant } from '../../support/fixtures';
import { buttonPress, findButton, JO, LEAD, LINKS_ORIGIN, postInteraction, postSigned, slashCommand, startSlackHarness, TENANT, type SlackHarness } from './slack-harness';

type Json = Record<string, unknown>;
interface TemplateEntry { id: string; name: string; purpose: string; questions: Json[] }
interface ProgrammeEntry { id: string; name: string; years: number; items: Json[] }
const BOT_TOKEN = 'xoxb-test';

/** A JSON file dropped into the bot's DM: message.im with subtype file_share, as Slack sends it. */
function fileShare(host: LocalFileHost, eventId: string, user: string, name: string): string {
  const file = {
    id: eventId,
    created: 1_763_000_000,
    timestamp: 1_763_000_000,
    name,
    title: name,
    mimetype: 'application/json',
    filetype: 'json',
    pretty_type: 'JSON',
    user,
    mode: 'hosted',
    is_external: false,
    size: 300,
    url_private: `${host.url}/files-pri/T0SCHOOL-${eventId}/${name}`,
    url_private_download: `${host.url}/files-pri/T0SCHOOL-${eventId}/download/${name}`,
  };
  const event = { type: 'message', subtype: 'file_share', channel_type: 'im', channel: `D${user.slice(1)}`, user, text: '', ts: `1763000000.${eventId.length}`, upload: false, display_as_bot: false, files: [file] };
  return JSON.stringify({ type: 'event_callback', team_id: 'T0SCHOOL', api_app_id: 'A1', event_id: `Ev${eventId}`, event_time: 1_763_000_000, event });
}

/** The url of the first link button in some blocks. */
function linkIn(blocks: unknown): string | undefined {
  for (const block of (blocks as Json[]) ?? []) for (const e of (block.elements as Json[]) ?? []) if (typeof e.url === 'string') return e.url;
  return undefined;
}

onBothStores('slack-json-files', (label, open, done) => {
  describe(`a CPD lead takes the questionnaire templates and mentoring programmes out of Slack and sends them back (${label}; real bolt, signed requests, fake Slack API, local file host)`, () => {
    let h: SlackHarness;
    let host: LocalFileHost;
    let sent = 0;
    let triggers = 0;

    async function cpd(user: { id: string }, text: string): Promise<unknown> {
      triggers += 1;
      const trigger = `trg-json-${triggers}`;
      await slashCommand(h, user, text, trigger);
      return h.api.ephemeralFrom(`/response/${trigger}`)!.args.blocks;
    }
    async function sendFile(user: { id: string }, name: string, text: string): Promise<unknown> {
      sent += 1;
      const id = `FJ${sent}`;
      host.put(`/files-pri/T0SCHOOL-${id}/download/${name}`, text);
      const before = h.api.callsOf('chat.postMessage').length;
      expect((await postSigned(h, fileShare(host, id, user.id, name), { contentType: 'application/json' })).status).toBe(200);
      await h.bot.drain();
      return h.api.callsOf('chat.postMessage').slice(before).at(-1)?.args.blocks;
    }
    async function download(blocks: unknown): Promise<{ status: number; text: string }> {
      const link = new URL(linkIn(blocks)!);
      expect(link.origin).toBe(LINKS_ORIGIN);
      const res = await fetch(`${h.baseUrl}${link.pathname}${link.search}`);
      return { status: res.status, text: await res.text() };
    }
    async function cliExport(what: 'templates' | 'programmes'): Promise<string> {
      const lines: string[] = [];
      expect(await runCli([what, 'export'], { store: h.store, clock: h.clock, defaultTenantId: TENANT, print: (t) => lines.push(t) })).toBe(0);
      return lines.join('\n');
    }
    async function pressImport(blocks: unknown, trigger: string): Promise<string> {
      const before = h.api.callsOf('chat.update').length;
      await postInteraction(h, buttonPress(LEAD, { channel: 'DLEAD', ts: '1763000000.1' }, findButton(blocks, 'file.import'), trigger));
      return JSON.stringify(h.api.callsOf('chat.update').slice(before).at(-1)!.args.blocks);
    }

    beforeAll(async () => {
      host = await new LocalFileHost(BOT_TOKEN).start();
      h = await startSlackHarness({ openStore: open, files: TEST_FILE_LIMITS, links: true });
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
    });

    it('templates: /cpd templates export links the CLI\'s own file; the edited file dropped in the DM is previewed and imported on Import; sent back as exported it is nothing to import', async () => {
      expect(JSON.stringify(await cpd(LEAD, 'templates'))).toContain('Download templates.json');
      const served = await download(await cpd(LEAD, 'templates export'));
      expect(served.status).toBe(200);
      expect(served.text).toBe(await cliExport('templates'));

      const file = JSON.parse(served.text) as { version: 1; templates: TemplateEntry[] };
      const base = file.templates.find((t) => t.id === 'tpl-reaction-default')!;
      base.questions[0]!.prompt = 'How useful was this twilight?';
      const preview = await sendFile(LEAD, 'templates.json', JSON.stringify(file));
      const text = JSON.stringify(preview);
      expect(text).toContain('Questionnaire templates: templates.json');
      expect(text).toContain('0 templates would be added');
      expect(text).toContain('1 would be changed');
      expect(text).toContain('change: \\"Reaction questionnaire (level 1)\\"');
      expect(await h.store.templates.count(TENANT)).toBe(0);
      expect(await pressImport(preview, 'trg-import-templates')).toContain('Imported templates.json');
      expect((await h.store.templates.get(TENANT, 'tpl-reaction-default'))?.value.questions[0]?.prompt).toBe('How useful was this twilight?');

      const again = await download(await cpd(LEAD, 'templates export'));
      expect(again.text).toBe(await cliExport('templates'));
      expect(JSON.stringify(await sendFile(LEAD, 'templates.json', again.text))).toContain('Nothing to import: everything in this file is already in Twilight.');
    });

    it('programmes: a broken file is refused whole naming the programme, its meeting and the field; the exported file with a copy added is imported; the round trip is nothing to import', async () => {
      const served = await download(await cpd(LEAD, 'programmes export'));
      expect(served.text).toBe(await cliExport('programmes'));
      const file = JSON.parse(served.text) as { programmes: ProgrammeEntry[] };
      const dt = file.programmes.find((p) => p.id === 'builtin-developing-teacher')!;
      const ours = { ...dt, id: 'our-dt', name: 'Our meetings', items: [...dt.items, { key: 'extra', kind: 'meeting', at: { year: 1, schoolWeek: 99 }, focus: 'Check-in', with: 'coach' }] };
      const refused = JSON.stringify(await sendFile(LEAD, 'programmes.json', JSON.stringify({ programmes: [...file.programmes, ours] })));
      expect(refused).toContain('Mentoring programmes: programmes.json');
      expect(refused).toContain(`programme ${file.programmes.length + 1} (\\"Our meetings\\"), item ${dt.items.length + 1} (\\"extra\\"), at.schoolWeek: `);
      expect(refused).not.toContain('file.import');
      expect(await h.store.mentoringProgrammes.count(TENANT)).toBe(0);

      ours.items.at(-1)!.at = { year: 1, schoolWeek: 12 };
      const preview = await sendFile(LEAD, 'programmes.json', JSON.stringify({ programmes: [...file.programmes, ours] }));
      expect(JSON.stringify(preview)).toContain('1 programme would be added');
      expect(await pressImport(preview, 'trg-import-programmes')).toContain('Imported programmes.json');
      expect(JSON.stringify(await cpd(LEAD, 'programmes'))).toContain(`Our meetings (${dt.items.length + 1} meetings)`);

      const again = await download(await cpd(LEAD, 'programmes export'));
      expect(JSON.stringify(await sendFile(LEAD, 'programmes.json', again.text))).toContain('Nothing to import');
      expect(await h.store.mentoringProgrammes.count(TENANT)).toBe(1);
    });

    it('a teacher dropping the file is told only leads import (not fetched), and cannot export', async () => {
      const before = host.requests.length;
      expect(JSON.stringify(await sendFile(JO, 'programmes.json', await cliExport('programmes')))).toContain('Only CPD leads can import files');
      expect(host.requests.length).toBe(before);
      expect(JSON.stringify(await cpd(JO, 'templates export'))).toContain('Only CPD leads can do that');
    });
  });
});
