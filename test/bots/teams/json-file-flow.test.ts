import { runCli } from '../../../src/cli/run-cli';
import { Staff } from '../../../src/domain';
import { onBothStores } from '../../support/both-stores';
import { LocalFileHost, TEST_FILE_LIMITS } from '../../support/file-host';
import { tenant } from '../../support/fixtures';
import { AAD_TENANT, cardActionActivity, cardElements, cardText, fileMessage, invokeCard, JO, lastCardTo, LEAD, LINKS_ORIGIN, messageActivity, postActivity, startTeamsHarness, type TeamsHarness, type TeamsUser, TENANT } from './teams-harness';

type Json = Record<string, unknown>;
interface TemplateEntry { id: string; name: string; purpose: string; questions: Json[] }
interface ProgrammeEntry { id: string; name: string; years: number; items: Json[] }


const buttonsOf = (card: unknown) => cardElements(card).filter((e) => e.type === 'Action.Execute').map((e) => ({ title: String(e.title), verb: String(e.verb), data: e.data as Json }));
const downloadOf = (card: unknown) => cardElements(card).find((e) => e.type === 'Action.OpenUrl') as { title: string; url: string } | undefined;

onBothStores('teams-json-files', (label, open, done) => {
  describe(`a CPD lead takes the questionnaire templates and mentoring programmes out of Teams and sends them back (${label}; real botbuilder, fake connector, local file host)`, () => {
    let h: TeamsHarness;
    let host: LocalFileHost;
    let sent = 0;

    async function say(user: TeamsUser, text: string): Promise<Json | undefined> {
      await postActivity(h, messageActivity(h, user, text));
      return lastCardTo(h, user);
    }
    async function sendFile(user: TeamsUser, name: string, text: string): Promise<Json | undefined> {
      sent += 1;
      await postActivity(h, fileMessage(h, user, name, host.put(`/download/${sent}/${name}`, text)));
      return lastCardTo(h, user);
    }
    /** Follows the card's download link on the bot's own server, as the lead's browser would. */
    async function download(card: unknown): Promise<{ status: number; type: string | null; disposition: string | null; text: string }> {
      const link = new URL(downloadOf(card)!.url);
      expect(link.origin).toBe(LINKS_ORIGIN);
      const res = await fetch(`${h.baseUrl}${link.pathname}${link.search}`);
      return { status: res.status, type: res.headers.get('content-type'), disposition: res.headers.get('content-disposition'), text: await res.text() };
    }
    async function cliExport(what: 'templates' | 'programmes'): Promise<string> {
      const lines: string[] = [];
      expect(await runCli([what, 'export'], { store: h.store, clock: h.clock, defaultTenantId: TENANT, print: (t) => lines.push(t) })).toBe(0);
      return lines.join('\n');
    }
    async function press(card: unknown, title: string): Promise<Json | undefined> {
      const button = buttonsOf(card).find((b) => b.title === title)!;
      const pressed = await postActivity(h, cardActionActivity(h, LEAD, button.verb, button.data));
      return invokeCard(pressed.body).value as Json | undefined;
    }

    beforeAll(async () => {
      host = await new LocalFileHost().start();
      h = await startTeamsHarness({ files: TEST_FILE_LIMITS }, { openStore: open, links: true });
      await h.store.tenants.create({ ...tenant(TENANT), teamsTenantId: AAD_TENANT });
      await h.store.staff.create(Staff.parse({ tenantId: TENANT, id: 'stf-lee', name: LEAD.name, email: 'lee.lead@school.example', roles: ['staff', 'cpd-lead'], teams: { aadObjectId: LEAD.aadObjectId, userId: LEAD.userId } }));
      await h.store.staff.create(Staff.parse({ tenantId: TENANT, id: 'stf-jo', name: JO.name, email: 'jo.patel@school.example', roles: ['staff'], teams: { aadObjectId: JO.aadObjectId, userId: JO.userId } }));
    });
    afterAll(async () => {
      await h.close();
      await host.stop();
      await done();
    });

    it('templates: export gives the CLI\'s own file; an added template is previewed, imported on Import and listed by "templates"; the file exported again is nothing to import', async () => {
      const listed = await say(LEAD, 'templates');
      expect(cardText(listed)).toContain('say "templates export" for the file');
      expect(cardText(listed)).toContain('send it back to me here');
      expect(downloadOf(listed)?.title).toBe('Download templates.json');

      const answer = await say(LEAD, 'templates export');
      expect(cardText(answer)).toContain('Here is templates.json');
      const served = await download(answer);
      expect([served.status, served.type, served.disposition]).toEqual([200, 'application/json; charset=utf-8', 'attachment; filename="templates.json"']);
      expect(served.text).toBe(await cliExport('templates'));

      // The lead adds their own reaction questionnaire, starting from the default.
      const file = JSON.parse(served.text) as { version: 1; templates: TemplateEntry[] };
      const base = file.templates.find((t) => t.id === 'tpl-reaction-default')!;
      file.templates.push({ ...base, id: 'tpl-our-feedback', name: 'Our twilight feedback', questions: base.questions.slice(0, 2) });
      const preview = await sendFile(LEAD, 'templates.json', JSON.stringify(file, null, 2));
      expect(cardText(preview)).toContain('Questionnaire templates: templates.json');
      expect(cardText(preview)).toContain('1 template would be added');
      expect(cardText(preview)).toContain('0 would be changed');
      expect(cardText(preview)).toContain(`${file.templates.length - 1} unchanged`);
      expect(cardText(preview)).toContain('add: "Our twilight feedback"');
      expect(buttonsOf(preview).map((b) => b.title)).toEqual(['Import', 'Cancel']);
      expect(await h.store.templates.count(TENANT)).toBe(0);

      const imported = await press(preview, 'Import');
      expect(cardText(imported)).toContain('Imported templates.json');
      expect(cardText(imported)).toContain('1 template added');
      // Only the new one is stored: the built-in ones left as they are stay built in.
      expect((await h.store.templates.find(TENANT)).map((v) => v.value.id)).toEqual(['tpl-our-feedback']);
      expect(cardText(await say(LEAD, 'templates'))).toContain('• Our twilight feedback (2 questions)');

      // Round trip: the file as exported now, sent back, changes nothing.
      const again = await download(await say(LEAD, 'templates export'));
      expect(again.text).toBe(await cliExport('templates'));
      const resent = await sendFile(LEAD, 'templates.json', again.text);
      expect(cardText(resent)).toContain('Nothing to import: everything in this file is already in Twilight.');
      expect(buttonsOf(resent)).toEqual([]);
    });

    it('templates: a broken file is refused whole, each problem naming the template and the field, and nothing is written', async () => {
      const before = (await h.store.templates.find(TENANT)).map((v) => v.version);
      const file = JSON.parse(await cliExport('templates')) as { version: 1; templates: TemplateEntry[] };
      file.templates.push({ id: 'tpl-new-one', name: 'New one', purpose: 'reaction', questions: [{ id: 'q1', kind: 'stars', prompt: 'Rate it' }] });
      file.templates[0]!.name = '';
      const refused = await sendFile(LEAD, 'templates-edited.json', JSON.stringify(file));
      const text = cardText(refused);
      expect(text).toContain('Questionnaire templates: templates-edited.json');
      expect(text).toContain('Nothing was imported: 2 problems to fix.');
      expect(text).toMatch(new RegExp(`template ${file.templates.length} \\("New one"\\), questions\\.0\\.kind: `));
      expect(text).toMatch(/template 1, name: /);
      expect(text).not.toMatch(/row \d/);
      expect(buttonsOf(refused)).toEqual([]);
      expect((await h.store.templates.find(TENANT)).map((v) => v.version)).toEqual(before);

      // Not JSON any more (a comma lost in editing): said, with what JSON files are taken.
      const broken = await sendFile(LEAD, 'templates.json', '{ "version": 1, "templates": [ ');
      expect(cardText(broken)).toContain('This is not a JSON file I can read');
      expect(cardText(broken)).toContain('The JSON files I take are questionnaire templates');
      // JSON of some other shape is not guessed at.
      const other = await sendFile(LEAD, 'settings.json', '{ "schools": ["Oak"] }');
      expect(cardText(other)).toContain("it is JSON, but not questionnaire templates or mentoring programmes");
      expect(await h.store.templates.count(TENANT)).toBe(1);
    });

    it('programmes: export gives the CLI\'s file; the lead\'s own programme is imported; a changed built-in is refused with its name; the round trip is nothing to import', async () => {
      const listed = await say(LEAD, 'programmes');
      expect(cardText(listed)).toContain('"programmes export" for the file: change it and send it back to me here');
      expect(downloadOf(listed)?.title).toBe('Download programmes.json');
      const served = await download(await say(LEAD, 'programmes export'));
      expect(served.status).toBe(200);
      expect(served.text).toBe(await cliExport('programmes'));

      const file = JSON.parse(served.text) as { programmes: ProgrammeEntry[] };
      const dt = file.programmes.find((p) => p.id === 'builtin-developing-teacher')!;
      const changedBuiltIn = { ...file, programmes: file.programmes.map((p) => (p.id === dt.id ? { ...p, items: p.items.slice(1) } : p)) };
      const refused = await sendFile(LEAD, 'programmes.json', JSON.stringify(changedBuiltIn));
      expect(cardText(refused)).toContain('Mentoring programmes: programmes.json');
      expect(cardText(refused)).toContain('programme 2 ("Developing Teacher pathway meetings"): a built-in programme cannot be changed; copy it ("programmes copy Developing Teacher pathway meetings") and change the copy');
      expect(buttonsOf(refused)).toEqual([]);
      expect(await h.store.mentoringProgrammes.count(TENANT)).toBe(0);

      const ours = { ...dt, id: 'our-developing-teacher', name: 'Our Developing Teacher meetings', items: [...dt.items, { key: 'extra', kind: 'meeting', at: { year: 1, schoolWeek: 12 }, focus: 'Mid-autumn check-in', with: 'coach' }] };
      const preview = await sendFile(LEAD, 'programmes.json', JSON.stringify({ programmes: [...file.programmes, ours] }, null, 2));
      expect(cardText(preview)).toContain('1 programme would be added');
      expect(cardText(preview)).toContain(`${file.programmes.length} unchanged`);
      expect(cardText(preview)).toContain('add: "Our Developing Teacher meetings"');
      expect(await h.store.mentoringProgrammes.count(TENANT)).toBe(0);
      const imported = await press(preview, 'Import');
      expect(cardText(imported)).toContain('Imported programmes.json');
      expect((await h.store.mentoringProgrammes.get(TENANT, 'our-developing-teacher'))?.value.items).toHaveLength(dt.items.length + 1);
      expect(cardText(await say(LEAD, 'programmes'))).toContain(`• Our Developing Teacher meetings (${dt.items.length + 1} meetings)`);

      const again = await download(await say(LEAD, 'programmes export'));
      expect(again.text).toBe(await cliExport('programmes'));
      const resent = await sendFile(LEAD, 'programmes.json', again.text);
      expect(cardText(resent)).toContain('Nothing to import');
    });

    it('a teacher can neither import nor export them: the file is not fetched, and a lead\'s link signed for them serves nothing', async () => {
      const before = host.requests.length;
      const sentByJo = await sendFile(JO, 'templates.json', await cliExport('templates'));
      expect(cardText(sentByJo)).toContain('Only CPD leads can import files');
      expect(host.requests.length).toBe(before);
      expect(cardText(await say(JO, 'templates export'))).toContain('Only CPD leads can do that');
      expect(cardText(await say(JO, 'programmes export'))).toContain('Only CPD leads can do that');
      const forJo = new URL(h.links!.schoolFileUrl(TENANT, 'stf-jo', 'templates.json'));
      expect((await fetch(`${h.baseUrl}${forJo.pathname}${forJo.search}`)).status).toBe(404);
      // A lead's link edited to the other file, or to another tenant, is refused too.
      const lead = new URL(downloadOf(await say(LEAD, 'templates export'))!.url);
      expect((await fetch(`${h.baseUrl}${lead.pathname.replace('templates.json', 'programmes.json')}${lead.search}`)).status).toBe(404);
      expect((await fetch(`${h.baseUrl}${lead.pathname.replace(TENANT, 'other-trust')}${lead.search}`)).status).toBe(404);
    });
  });
});
