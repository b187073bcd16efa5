import { readFileSync } from 'node:fs';
import { ManualClock, type Staff } from '../../src/domain';
import { decodeText } from '../../src/imports/decode-text';
import { importStaffRoster, planStaffImport } from '../../src/imports/import-staff';
import { aliasesOf, FIELD_LABELS, headingKey, parseColumnMap, type RosterField } from '../../src/imports/roster-headings';
import { openCosmosStore } from '../../src/store/cosmos/cosmos-store';
import { openEmbeddedStore } from '../../src/store/embedded/sqlite-store';
import type { Store } from '../../src/store/store';
import { startLoopbackCosmos, type LoopbackCosmos } from '../support/cosmos-server';
import { tenant } from '../support/fixtures';

const school = { ...tenant('t1'), kind: 'school' as const, schools: [] };
const example = (name: string) => decodeText(readFileSync(`examples/rosters/${name}`));

interface Expected {
  file: string;
  count: number;
  people: Record<string, Partial<Staff> & { manager?: string }>;
}

/** One row per layout: who is in it and what each person's record must say after import. */
const LAYOUTS: Expected[] = [
  {
    file: 'sims-staff.csv',
    count: 8,
    people: {
      's.patel@oakfield.sch.uk': { name: 'Sam Patel', jobTitle: 'Head of Science', department: 'Science', manager: 'r.green@oakfield.sch.uk', roles: ['staff', 'line-manager'] },
      'p.shah@oakfield.sch.uk': { jobTitle: 'Teacher of Science, KS3 Co-ordinator', manager: 's.patel@oakfield.sch.uk' },
      'g.oneill@oakfield.sch.uk': { name: 'Grace O\u2019Neill', manager: 'l.kim@oakfield.sch.uk' },
      'z.harris@oakfield.sch.uk': { name: 'Zoe Harris', jobTitle: 'Cover Supervisor', manager: 'r.green@oakfield.sch.uk' },
    },
  },
  {
    file: 'arbor-staff.csv',
    count: 6,
    people: {
      'dan.hughes@willowbrook.org.uk': { name: 'Dan Hughes', jobTitle: 'Deputy Headteacher, Maths Lead', manager: 'cat.morgan@willowbrook.org.uk' },
      'lucy.turner@willowbrook.org.uk': { jobTitle: 'Higher Level Teaching Assistant', manager: 'ben.carter@willowbrook.org.uk' },
      'olly.price@willowbrook.org.uk': { name: 'Olly Price', manager: 'cat.morgan@willowbrook.org.uk' },
    },
  },
  {
    file: 'bromcom-staff.csv',
    count: 5,
    people: {
      'a.haddad@northgate-academy.org.uk': { name: 'Amira Haddad', jobTitle: 'Principal', roles: ['staff', 'senior-leader', 'line-manager'] },
      't.walsh@northgate-academy.org.uk': { name: 'Tom Walsh', manager: 'a.haddad@northgate-academy.org.uk' },
    },
  },
  {
    file: 'isams-staff.csv',
    count: 5,
    people: {
      'ilacey@stmarks-school.co.uk': { name: 'Imogen Lacey', manager: 'jfairfax@stmarks-school.co.uk' },
      'agarcialopez@stmarks-school.co.uk': { name: 'Ana García López', manager: 'ilacey@stmarks-school.co.uk' },
      'hcole@stmarks-school.co.uk': { name: 'Hattie Cole', jobTitle: 'Graduate Teaching Assistant' },
    },
  },
  {
    file: 'entra-users.csv',
    count: 5,
    people: {
      'r.fletcher@brightwater.org.uk': { name: 'Ryan Fletcher', jobTitle: 'Teacher of Geography', active: true },
      'p.ward@brightwater.org.uk': { name: 'Paul Ward', active: false },
    },
  },
  {
    file: 'google-workspace-users.csv',
    count: 5,
    people: {
      'glloyd@hillcrest.sch.uk': { name: 'Gareth Lloyd', jobTitle: 'Assistant Head, Curriculum', manager: 'fmacleod@hillcrest.sch.uk' },
      'oprice@hillcrest.sch.uk': { active: false, department: 'Computing' },
    },
  },
];

function contractFor(label: string, open: () => Promise<Store>, done: () => Promise<void>) {
  describe(`MIS and HR roster layouts (${label})`, () => {
    afterAll(done);
    it.each(LAYOUTS)('imports $file as exported, and changes nothing the second time', async ({ file, count, people }) => {
      const store = await open();
      const t = { ...school, id: file.replace(/\W/g, '-'), tenantId: file.replace(/\W/g, '-') };
      const first = await importStaffRoster({ store }, t, example(file));
      expect(first).toMatchObject({ ok: true, counts: { created: count, updated: 0, unchanged: 0, skipped: 0 }, errors: [] });
      const stored = new Map((await store.staff.find(t.id)).map((v) => [v.value.email, v.value]));
      const idOf = (email: string) => stored.get(email)!.id;
      for (const [email, { manager, ...fields }] of Object.entries(people)) {
        const person = stored.get(email);
        expect(person).toMatchObject(fields);
        if (manager) expect(person!.lineManagerId).toBe(idOf(manager));
      }
      const second = await importStaffRoster({ store }, t, example(file));
      expect(second).toMatchObject({ ok: true, counts: { created: 0, updated: 0, unchanged: count } });
    });
  });
}

const embedded = openEmbeddedStore({ path: ':memory:', clock: new ManualClock('2026-09-01T08:00:00.000Z') });
contractFor('embedded store', async () => embedded, () => embedded.close());

let cosmos: LoopbackCosmos | undefined;
let cosmosStore: Store | undefined;
contractFor(
  'via @azure/cosmos against cosmosdb-server',
  async () => {
    cosmos ??= await startLoopbackCosmos();
    cosmosStore ??= await openCosmosStore({ client: cosmos.client(), databaseId: 'rosters', createIfMissing: true });
    return cosmosStore;
  },
  async () => {
    await cosmosStore?.close();
    await cosmos?.stop();
  },
);

describe('a roster refused in the file\'s own words', () => {
  const open = () => openEmbeddedStore({ path: ':memory:', clock: new ManualClock('2026-09-01T08:00:00.000Z') });
  const HEAD = '\uFEFFStaff Code,Legal Forename,Legal Surname,Preferred Forename,Staff Role,Work Email,Line Manager,Pathway\r\n';

  it('names the heading, the row, the value and what is accepted; an empty e-mail is "missing"; nothing is written', async () => {
    const store = open();
    const csv =
      HEAD +
      [
        'A1,Samir,Patel,Sam,Head of Science,s.patel@oak.sch.uk,,',
        'A2,Samuel,Patel,Sam,Teacher of Maths,sam.patel2@oak.sch.uk,,',
        'A3,Jo,Adeyemi,,Teacher,,Sam Patel,',
        'A4,Priya,Shah,,"Teacher of Science, KS3",p.shah@oak,,',
        'A5,Tom,Walsh,,Teacher,t.walsh@oak.sch.uk,Sam Patel,',
        'A6,Ellie,Brooks,,Teacher,e.brooks@oak.sch.uk,Mr Nobody,',
        'A7,Ben,Carter,,Teacher,b.carter@oak.sch.uk,,Astronaut',
        'A8,,,,Teacher,x@oak.sch.uk,,',
      ].join('\r\n');
    const result = await importStaffRoster({ store }, school, csv);
    expect(result.ok).toBe(false);
    expect(result.ignored).toEqual(['Staff Code']);
    expect(result.errors).toEqual([
      { row: 4, reason: 'Work Email: missing (every person needs an e-mail address)' },
      { row: 5, reason: 'Work Email: "p.shah@oak" is not an e-mail address (expected something like name@school.org.uk)' },
      { row: 6, reason: 'Line Manager: "Sam Patel" fits more than one person (s.patel@oak.sch.uk, sam.patel2@oak.sch.uk): give their e-mail instead' },
      { row: 7, reason: 'Line Manager: nobody in the file or the staff list is called "Mr Nobody" (give their e-mail, or the name as the file spells it)' },
      { row: 8, reason: expect.stringMatching(/^Pathway: unknown pathway "Astronaut" \(use ECT/) },
      { row: 9, reason: 'Preferred Forename / Legal Forename / Legal Surname: missing (every person needs a name)' },
    ]);
    expect(await store.staff.count('t1')).toBe(0);
    await store.close();
  });

  it('uses the legal name to find a manager when two share a preferred name', async () => {
    const store = open();
    const csv = `${HEAD}A1,Samir,Patel,Sam,Head,s.patel@oak.sch.uk,,\r\nA2,Samuel,Patel,Sam,Teacher,sam.patel2@oak.sch.uk,,\r\nA3,Jo,Adeyemi,,Teacher,j@oak.sch.uk,"Patel, Samir",`;
    const plan = await planStaffImport({ store }, school, csv);
    expect(plan.ok && plan.changes.find((c) => c.doc.email === 'j@oak.sch.uk')!.doc.lineManagerId).toBe(plan.ok && plan.changes[0]!.doc.id);
    await store.close();
  });

  it('reads a report title above the headings, tab-separated text and --map', async () => {
    const store = open();
    const tsv = 'Staff List - Oakfield School\t\t\nPrinted 28/11/2026\t\t\nKnown As\tFamily\tWork Email\tOffice\nSam\tPatel\ts.patel@oak.sch.uk\tScience';
    const map = parseColumnMap('Known As=first name, Family=surname, Office=department');
    if (!map.ok) throw new Error(map.message);
    const result = await importStaffRoster({ store }, school, tsv, { map: map.map });
    expect(result).toMatchObject({ ok: true, counts: { created: 1 }, notes: ['Lines above the headings on line 3 were skipped (a report title).'] });
    expect((await store.staff.find('t1'))[0]!.value).toMatchObject({ name: 'Sam Patel', department: 'Science' });
    expect(parseColumnMap('Work Email=favourite colour')).toEqual({ ok: false, message: expect.stringMatching(/^--map: "favourite colour" is not a field; use one of: e-mail, full name/) });
    await store.close();
  });

  it('does not use a "Status" column whose values are not active or inactive, and says so', async () => {
    const store = open();
    const csv = 'Name,Email,Status\nSam Patel,s@oak.sch.uk,Full time\nJo Adeyemi,j@oak.sch.uk,Part time';
    const result = await importStaffRoster({ store }, school, csv);
    expect(result).toMatchObject({ ok: true, ignored: ['Status'], notes: ['The "Status" column was not used to mark leavers: "Full time" is not active or inactive.'] });
    expect((await store.staff.find('t1')).every((v) => v.value.active)).toBe(true);
    await store.close();
  });
});

describe('rules of thumb for files outside the table', () => {
  const open = () => openEmbeddedStore({ path: ':memory:', clock: new ManualClock('2026-09-01T08:00:00.000Z') });

  it('reads a "Role" column of job titles as the job title, "Surname, Forename" names, a guessed e-mail heading, and skips a report footer, saying so each time', async () => {
    const store = open();
    const csv = [
      'Staff Name,E-mail address (work),Personal Email,Role,Line Manager (Name)',
      '"Green, Rachel",r.green@oak.sch.uk,rachel@gmail.com,Deputy Headteacher,',
      '"Patel, Sam",Sam Patel <s.patel@oak.sch.uk>,,Head of Science,Rachel Green (r.green@oak.sch.uk)',
      '"Harris, Zoe",z.harris@oak.sch.uk,,Cover Supervisor,"Green, Rachel"',
      'Total staff: 3,,,,',
    ].join('\r\n');
    const result = await importStaffRoster({ store }, school, csv);
    expect(result).toMatchObject({ ok: true, counts: { created: 3 }, ignored: ['Personal Email'] });
    expect(result.notes).toEqual([
      'The "E-mail address (work)" column was read as the e-mail (if that is wrong: --map "E-mail address (work)=ignore").',
      'Line 5 was skipped: it looks like a footer ("Total staff: 3").',
      'The "Role" column holds job titles (e.g. "Deputy Headteacher"), so it was read as the job title; everyone is staff unless a "Twilight Role" column says otherwise.',
    ]);
    const byEmail = new Map((await store.staff.find('t1')).map((v) => [v.value.email, v.value]));
    expect(byEmail.get('z.harris@oak.sch.uk')).toMatchObject({ name: 'Zoe Harris', jobTitle: 'Cover Supervisor', roles: ['staff'], lineManagerId: byEmail.get('r.green@oak.sch.uk')!.id });
    // Her job title names a post (issue 25): it brings the senior-leader role.
    expect(byEmail.get('r.green@oak.sch.uk')!.roles).toEqual(['staff', 'senior-leader', 'line-manager']);
    expect(byEmail.get('s.patel@oak.sch.uk')!.lineManagerId).toBe(byEmail.get('r.green@oak.sch.uk')!.id);
    await store.close();
  });
});

describe('decodeText', () => {
  it('reads Windows-1252 exports (curly apostrophes, accents) and UTF-16 with a byte-order mark', () => {
    expect(decodeText(Uint8Array.from([0x4f, 0x92, 0x4e, 0x65, 0x69, 0x6c, 0x6c, 0x2c, 0x5a, 0x6f, 0xeb]))).toBe('O\u2019Neill,Zo\u00eb');
    expect(decodeText(Uint8Array.from([0xff, 0xfe, 0x41, 0x00, 0xe9, 0x00]))).toBe('A\u00e9');
  });
});

describe('docs/imports.md', () => {
  it('lists every staff heading alias the importer accepts, and no other', () => {
    const docs = readFileSync('docs/imports.md', 'utf8');
    const table = docs.slice(docs.indexOf('### Headings'), docs.indexOf('### One example'));
    const rows = table.split('\n').filter((l) => l.startsWith('| ') && !l.startsWith('| field'));
    const documented = new Set(rows.flatMap((row) => [...row.split('|')[2]!.matchAll(/`([^`]+)`/g)].map((m) => headingKey(m[1]!))));
    const accepted = new Set((Object.keys(FIELD_LABELS) as RosterField[]).flatMap(aliasesOf));
    expect([...documented].sort()).toEqual([...accepted].sort());
  });
});
