import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Staff } from '../../../src/domain';
import { onBothStores } from '../../support/both-stores';
import { BAD_ROSTER, GOOD_ROSTER, LocalFileHost, TEST_FILE_LIMITS } from '../../support/file-host';
import { tenant } from '../../support/fixtures';
import { AAD_TENANT, cardActionActivity, cardElements, cardText, fileMessage, invokeCard, JO, lastCardTo, LEAD, postActivity, startTeamsHarness, type TeamsHarness, TENANT } from './teams-harness';

type Json = Record<string, unknown>;


function buttonsOf(card: unknown): { title: string; verb: string; data: Json }[] {
  return cardElements(card)
    .filter((e) => e.type === 'Action.Execute')
    .map((e) => ({ title: String(e.title), verb: String(e.verb), data: e.data as Json }));
}

/** What the lead and the bot said, for the closing note (written when TRANSCRIPT_DIR is set). */
const transcript: string[] = [];
const said = (who: string, text: string) => transcript.push(`${who}: ${text.replace(/\n+/g, '\n    ')}`);

onBothStores('teams-files', (label, open, done) => {
  describe(`a CPD lead sends files to the bot in Teams (${label}; real botbuilder, fake connector, local file host)`, () => {
    let h: TeamsHarness;
    let host: LocalFileHost;

    beforeAll(async () => {
      host = await new LocalFileHost().start();
      h = await startTeamsHarness({ files: TEST_FILE_LIMITS }, { openStore: open });
      await h.store.tenants.create({ ...tenant(TENANT), teamsTenantId: AAD_TENANT });
      await h.store.staff.create(Staff.parse({ tenantId: TENANT, id: 'stf-lee', name: LEAD.name, email: 'lee.lead@school.example', roles: ['staff', 'cpd-lead'], teams: { aadObjectId: LEAD.aadObjectId, userId: LEAD.userId } }));
      await h.store.staff.create(Staff.parse({ tenantId: TENANT, id: 'stf-jo', name: JO.name, email: 'jo.patel@school.example', roles: ['staff'], teams: { aadObjectId: JO.aadObjectId, userId: JO.userId } }));
    });
    afterAll(async () => {
      await h.close();
      await host.stop();
      await done();
      if (process.env.TRANSCRIPT_DIR && label === 'embedded store') writeFileSync(join(process.env.TRANSCRIPT_DIR, 'teams-roster-transcript.txt'), transcript.join('\n'));
    });

    it('a roster with problems is refused with every problem by row in its own headings, no buttons, and nothing written', async () => {
      const url = host.put('/download/staff-bad.csv', BAD_ROSTER);
      said('Lee (lead)', '[attaches staff-bad.csv]');
      await postActivity(h, fileMessage(h, LEAD, 'staff-bad.csv', url));
      const card = lastCardTo(h, LEAD);
      said('Twilight', cardText(card));
      const text = cardText(card);
      expect(text).toContain('Staff list: staff-bad.csv');
      expect(text).toMatch(/row 3: E-mail: .*ravi\.kumar-at-school\.example/);
      expect(text).toMatch(/row 4: Line Manager: nobody .* "Dawn Kooper"/);
      expect(text).toContain('nothing has been changed');
      expect(buttonsOf(card)).toEqual([]);
      expect(await h.store.staff.count(TENANT)).toBe(2);
    });

    it('a good roster is previewed (who would be added) with Import and Cancel; Import writes it whole; the same file again changes nothing', async () => {
      const url = host.put('/download/staff.csv', GOOD_ROSTER);
      said('Lee (lead)', '[attaches staff.csv]');
      await postActivity(h, fileMessage(h, LEAD, 'staff.csv', url));
      const preview = lastCardTo(h, LEAD);
      said('Twilight', `${cardText(preview)}\n[buttons: ${buttonsOf(preview).map((b) => b.title).join(' | ')}]`);
      expect(cardText(preview)).toContain('3 people would be added');
      expect(cardText(preview)).toContain('add: Ravi Kumar, ravi.kumar@school.example, Teacher of Maths');
      // Nobody is written by the preview; Jo, not in this first roster, is not marked as a leaver on day one.
      expect(await h.store.staff.count(TENANT)).toBe(2);
      expect(cardText(preview)).toContain('1 person in the staff list but not in this file (Jo Patel): kept as they are, unless you press Import and mark leavers');
      const [importButton, leaversButton, cancelButton] = buttonsOf(preview);
      expect([importButton?.title, leaversButton?.title, cancelButton?.title]).toEqual(['Import', 'Import and mark 1 leaver', 'Cancel']);

      said('Lee (lead)', '[presses Import]');
      const pressed = await postActivity(h, cardActionActivity(h, LEAD, importButton!.verb, importButton!.data));
      const imported = invokeCard(pressed.body).value;
      said('Twilight', cardText(imported));
      expect(cardText(imported)).toContain('Imported staff.csv');
      expect(cardText(imported)).toContain('3 people added');
      const ravi = (await h.store.staff.find(TENANT, { where: { email: 'ravi.kumar@school.example' } }))[0]!.value;
      const dawn = (await h.store.staff.find(TENANT, { where: { email: 'dawn.cooper@school.example' } }))[0]!.value;
      expect(ravi.lineManagerId).toBe(dawn.id);
      expect(await h.store.staff.count(TENANT)).toBe(5);

      // Pressed again (a double tap, or an old card): nothing is imported twice.
      const again = await postActivity(h, cardActionActivity(h, LEAD, importButton!.verb, importButton!.data));
      expect(cardText(invokeCard(again.body).value)).toContain('already been imported');

      said('Lee (lead)', '[attaches staff.csv again]');
      await postActivity(h, fileMessage(h, LEAD, 'staff.csv', url));
      const resent = lastCardTo(h, LEAD);
      said('Twilight', `${cardText(resent)}\n[buttons: ${buttonsOf(resent).map((b) => b.title).join(' | ')}]`);
      // Everyone in it is in: only marking the one person not in it is left to choose.
      expect(cardText(resent)).toContain('Everyone in this file is already in Twilight');
      expect(buttonsOf(resent).map((b) => b.title)).toEqual(['Import and mark 1 leaver', 'Cancel']);
      expect(await h.store.staff.count(TENANT)).toBe(5);
    });

    it('Cancel drops the file: Import pressed afterwards imports nothing', async () => {
      const url = host.put('/download/qualifications.csv', 'Email,Qualification,Awarded\r\ndawn.cooper@school.example,NPQH,2024-07-01\r\n');
      await postActivity(h, fileMessage(h, LEAD, 'qualifications.csv', url));
      const preview = lastCardTo(h, LEAD);
      expect(cardText(preview)).toContain('Qualifications: qualifications.csv');
      const [importButton, cancelButton] = buttonsOf(preview);
      const cancelled = await postActivity(h, cardActionActivity(h, LEAD, cancelButton!.verb, cancelButton!.data));
      expect(cardText(invokeCard(cancelled.body).value)).toContain('Cancelled: nothing was imported');
      const late = await postActivity(h, cardActionActivity(h, LEAD, importButton!.verb, importButton!.data));
      expect(cardText(invokeCard(late.body).value)).toContain('no longer waiting');
      expect(await h.store.qualifications.count(TENANT)).toBe(0);
    });

    it('a term calendar (.ics) is recognised by its extension and imported with its holidays', async () => {
      const ics = [
        'BEGIN:VCALENDAR', 'VERSION:2.0', 'PRODID:-//School//EN',
        'BEGIN:VEVENT', 'UID:t1', 'DTSTART;VALUE=DATE:20260902', 'DTEND;VALUE=DATE:20261024', 'SUMMARY:Autumn term', 'END:VEVENT',
        'BEGIN:VEVENT', 'UID:h1', 'DTSTART;VALUE=DATE:20261026', 'DTEND;VALUE=DATE:20261031', 'SUMMARY:October half term', 'END:VEVENT',
        'END:VCALENDAR',
      ].join('\r\n');
      await postActivity(h, fileMessage(h, LEAD, 'term-dates.ics', host.put('/download/term-dates.ics', ics)));
      const preview = lastCardTo(h, LEAD);
      expect(cardText(preview)).toContain('Term calendar: term-dates.ics');
      expect(cardText(preview)).toMatch(/holiday: October half term 2026-10-26/);
      const [importButton] = buttonsOf(preview);
      await postActivity(h, cardActionActivity(h, LEAD, importButton!.verb, importButton!.data));
      expect((await h.store.calendars.get(TENANT, 'calendar'))?.value.holidays?.map((x) => x.name)).toEqual(['October half term']);
    });

    it('a workbook gets the same "save it as CSV" answer as the CLI, and is never fetched', async () => {
      const before = host.requests.length;
      await postActivity(h, fileMessage(h, LEAD, 'staff.xlsx', host.put('/download/staff.xlsx', new Uint8Array([0x50, 0x4b, 0x03, 0x04, 1, 2]))));
      expect(cardText(lastCardTo(h, LEAD))).toContain('save it as "CSV UTF-8 (comma delimited)"');
      // Renamed to .csv, the bytes still give it away.
      await postActivity(h, fileMessage(h, LEAD, 'staff-renamed.csv', host.put('/download/staff-renamed.csv', new Uint8Array([0x50, 0x4b, 0x03, 0x04, 1, 2]))));
      expect(cardText(lastCardTo(h, LEAD))).toContain('not a CSV file');
      expect(host.requests.slice(before).map((r) => r.path)).toEqual(['/download/staff-renamed.csv']);
    });

    it('a file on any host but the allowed file host is refused and never fetched', async () => {
      const before = host.requests.length;
      host.put('/download/elsewhere.csv', GOOD_ROSTER);
      await postActivity(h, fileMessage(h, LEAD, 'elsewhere.csv', host.elsewhere('/download/elsewhere.csv')));
      expect(cardText(lastCardTo(h, LEAD))).toContain('I only open files stored by Teams or Slack themselves, and this one is at localhost');
      await postActivity(h, fileMessage(h, LEAD, 'evil.csv', 'https://files.evil.example/download/evil.csv'));
      expect(cardText(lastCardTo(h, LEAD))).toContain('this one is at files.evil.example');
      expect(host.requests.length).toBe(before);
    });

    it('a file larger than the limit is refused, and nothing is kept', async () => {
      const big = `E-mail,Name\r\n${'x'.repeat(TEST_FILE_LIMITS.maxBytes)}`;
      await postActivity(h, fileMessage(h, LEAD, 'huge.csv', host.put('/download/huge.csv', big)));
      expect(cardText(lastCardTo(h, LEAD))).toContain('larger than 50 kB');
    });

    it('only CPD leads may import: a teacher sending a roster is told so, and the file is not fetched', async () => {
      const before = host.requests.length;
      await postActivity(h, fileMessage(h, JO, 'staff.csv', host.put('/download/jo.csv', GOOD_ROSTER)));
      expect(cardText(lastCardTo(h, JO))).toContain('Only CPD leads can import files');
      expect(host.requests.length).toBe(before);
    });

    it('the whole staff sent again without someone: "Import and mark leavers" marks them inactive (never the lead importing)', async () => {
      const withoutElla = GOOD_ROSTER.split('\r\n').filter((line) => !line.includes('ella.ward')).join('\r\n');
      await postActivity(h, fileMessage(h, LEAD, 'staff-summer.csv', host.put('/download/staff-summer.csv', withoutElla)));
      const preview = lastCardTo(h, LEAD);
      expect(cardText(preview)).toContain('2 people in the staff list but not in this file (Ella Ward, Jo Patel)');
      const leavers = buttonsOf(preview).find((b) => b.verb === 'file.leavers')!;
      const pressed = await postActivity(h, cardActionActivity(h, LEAD, leavers.verb, leavers.data));
      expect(cardText(invokeCard(pressed.body).value)).toContain('2 leavers marked inactive');
      const active = (await h.store.staff.find(TENANT, { where: { active: true } })).map((v) => v.value.name).sort();
      expect(active).toEqual(['Dawn Cooper', 'Lee Lead', 'Ravi Kumar']);
    });
  });
});
