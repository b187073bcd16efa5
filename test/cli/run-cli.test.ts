import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ManualClock } from '../../src/domain';
import { COMMANDS, parseCliArgs, USAGE } from '../../src/cli/cli-args';
import { runCli } from '../../src/cli/run-cli';
import { loadManagerDigest } from '../../src/app/digests/load-manager-digest';
import { openEmbeddedStore } from '../../src/store/embedded/sqlite-store';
import { demoStaffId } from '../../src/app/demo/seed-demo';

function cli() {
  const clock = new ManualClock('2026-11-25T10:00:00.000Z');
  const store = openEmbeddedStore({ path: ':memory:', clock });
  const lines: string[] = [];
  const deps = { store, clock, defaultTenantId: 'demo', print: (t: string) => lines.push(t) };
  return { store, clock, lines, run: (...argv: string[]) => runCli(argv, deps) };
}

describe('parseCliArgs', () => {
  it('parses each command and refuses unknown ones', () => {
    expect(parseCliArgs(['import', 'staff', 'x.csv', '--tenant', 't1', '--skip-bad'])).toEqual({
      ok: true,
      command: { kind: 'import-staff', file: 'x.csv', tenantId: 't1', skipBad: true, dryRun: false, deactivateMissing: false },
    });
    expect(parseCliArgs(['import', 'staff', 'x.csv', '--dry-run', '--map', 'Known As=first name'])).toMatchObject({ ok: true, command: { dryRun: true, map: 'Known As=first name' } });
    expect(parseCliArgs(['export', 'report', '--out', 'r.csv'])).toEqual({ ok: true, command: { kind: 'export', what: 'report', out: 'r.csv' } });
    expect(parseCliArgs(['export', 'everything'])).toEqual({ ok: false, message: 'unknown command: export everything' });
    expect(parseCliArgs(['import', 'staff', '--tenant'])).toEqual({ ok: false, message: '--tenant needs a value' });
  });
});

describe('help', () => {
  it('lists every command with one example, and every example parses to its command', () => {
    const kinds = COMMANDS.map((c) => {
      const parsed = parseCliArgs(c.example);
      if (!parsed.ok) throw new Error(`${c.example.join(' ')}: ${parsed.message}`);
      return parsed.command.kind;
    });
    expect(new Set(kinds)).toEqual(
      new Set([
        'import-staff', 'import-programme', 'import-statutory', 'import-qualifications', 'programme-publish', 'import-calendar', 'calendar-show', 'export', 'export-governors', 'export-providers', 'budget-set', 'templates-export', 'templates-import',
        'tenant-show', 'tenant-link', 'settings-show', 'settings-set', 'settings-history', 'tenant-set-school-cpd-lead', 'staff-add', 'staff-show', 'staff-deactivate', 'staff-away', 'staff-mentor', 'programmes-export', 'programmes-import', 'staff-erase', 'lead-add',
        'retention-sweep', 'cosmos-move-to-answers', 'status', 'seed-demo', 'help',
      ]),
    );
    for (const c of COMMANDS) expect(USAGE).toContain(c.usage);
  });
});

describe('runCli with an in-memory store', () => {
  it('imports the examples into a new tenant, then exports to files', async () => {
    const { store, lines, run } = cli();
    const dir = mkdtempSync(join(tmpdir(), 'twilight-cli-'));
    try {
      expect(await run('import', 'staff', 'examples/staff.csv', '--tenant', 'riverside')).toBe(0);
      expect(await run('import', 'programme', 'examples/programme.csv', '--tenant', 'riverside')).toBe(0);
      expect(await run('import', 'programme', 'examples/programme.csv', '--tenant', 'riverside')).toBe(0);
      expect(lines.filter((l) => !l.includes('is in the past'))).toEqual([
        'Created tenant "riverside".',
        'Staff: 16 created, 0 updated, 0 unchanged.',
        'Added school Riverside Academy',
        'Riverside Academy has no headteacher in the file or the settings: its CPD requests cannot be fully approved until one is set (settings set headteacher.riverside-academy EMAIL, or a Job Title of Headteacher).',
        'Sessions: 16 created, 0 updated, 0 unchanged.',
        '9 new sessions are drafts: nobody is invited until you publish (npm run cli -- programme publish, or import again with --publish).',
        'Sessions: 0 created, 0 updated, 16 unchanged.',
      ]);
      expect(lines.filter((l) => l.includes('is in the past'))).toHaveLength(7);
      lines.length = 0;
      expect(await run('programme', 'publish', '--tenant', 'riverside')).toBe(0);
      expect(lines.at(-1)).toBe('9 sessions published: invitations go out at the next allowed time. 7 drafts are in the past and stay drafts.');
      expect(await store.sessions.count('riverside', { status: 'published' })).toBe(9);
      const out = join(dir, 'responses.csv');
      expect(await run('export', 'responses', '--tenant', 'riverside', '--out', out)).toBe(0);
      expect(readFileSync(join(dir, 'responses-anonymous.csv'), 'utf8')).toMatch(/^\uFEFFquestionnaire_id,.*response_id/);
      // The other exports stream to their files the same bytes they print.
      for (const what of ['records', 'report', 'requests']) {
        lines.length = 0;
        expect(await run('export', what, '--tenant', 'riverside')).toBe(0);
        const printed = lines.join('');
        const file = join(dir, `${what}.csv`);
        expect(await run('export', what, '--tenant', 'riverside', '--out', file)).toBe(0);
        expect(lines.at(-1)).toBe(`Wrote ${file}.`);
        expect(readFileSync(file, 'utf8')).toBe(printed);
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
      await store.close();
    }
  });

  it('refuses an MIS roster with mistakes in its own words and writes nothing, not even the tenant', async () => {
    const { store, lines, run } = cli();
    expect(await run('import', 'staff', 'examples/rosters/sims-staff-with-mistakes.csv', '--tenant', 'oakfield')).toBe(1);
    expect(lines).toEqual([
      'Columns not used (ignored): Staff Code, Title.',
      '  row 5: Line Manager: "Sam Patel" fits more than one person (s.patel@oakfield.sch.uk, sam.patel@oakfield.sch.uk): give their e-mail instead',
      '  row 6: Work Email: missing (every person needs an e-mail address)',
      '  row 7: Work Email: "c.evans@oakfield" is not an e-mail address (expected something like name@school.org.uk)',
      'Nothing was imported: 3 problems to fix.',
    ]);
    expect(await store.tenants.get('oakfield', 'oakfield')).toBeUndefined();
    expect(await store.staff.count('oakfield')).toBe(0);
    await store.close();
  });

  it('says plainly when a workbook (.xlsx) was given instead of CSV', async () => {
    const { store, lines, run } = cli();
    const dir = mkdtempSync(join(tmpdir(), 'twilight-cli-'));
    try {
      const file = join(dir, 'staff.xlsx');
      writeFileSync(file, Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x14, 0x00, 0x06, 0x00]));
      expect(await run('import', 'staff', file)).toBe(1);
      expect(lines).toEqual(['This is a spreadsheet workbook (.xlsx, .xls or .ods), not a CSV file: open it and save it as "CSV UTF-8 (comma delimited)", then import that file.']);
    } finally {
      rmSync(dir, { recursive: true, force: true });
      await store.close();
    }
  });

  it('a refused programme file writes nothing, not even the tenant', async () => {
    const { store, lines, run } = cli();
    const dir = mkdtempSync(join(tmpdir(), 'twilight-cli-'));
    try {
      const file = join(dir, 'programme.csv');
      writeFileSync(file, 'Title,Category,Date,Start,End,Place\nTwilight,Astrology,2026-12-01,15:45,17:00,Hall\n');
      expect(await run('import', 'programme', file, '--tenant', 'newschool')).toBe(1);
      expect(lines.at(-1)).toBe('Nothing was imported: 1 row needs fixing.');
      expect(await store.tenants.get('newschool', 'newschool')).toBeUndefined();
    } finally {
      rmSync(dir, { recursive: true, force: true });
      await store.close();
    }
  });

  it('--dry-run prints what would change and writes nothing; --map renames a column', async () => {
    const { store, lines, run } = cli();
    expect(await run('import', 'staff', 'examples/rosters/bromcom-staff.csv', '--tenant', 'northgate', '--dry-run', '--map', 'Staff Type=ignore,Leaving Date=ignore')).toBe(0);
    expect(lines).toEqual([
      'Columns not used (ignored): Staff ID, Title, Staff Type, Leaving Date.',
      'Would create tenant "northgate".',
      '  create: Amira Haddad <a.haddad@northgate-academy.org.uk> (Principal, SLT)',
      '  create: Tom Walsh <t.walsh@northgate-academy.org.uk> (Head of Mathematics, Mathematics)',
      '  create: Ellie Brooks <e.brooks@northgate-academy.org.uk> (Teacher of Mathematics, Mathematics)',
      '  create: Mohammed Ali <m.ali@northgate-academy.org.uk> (Teacher of Mathematics, Mathematics)',
      '  create: Sarah Jones <s.jones@northgate-academy.org.uk> (Exams Officer, Administration)',
      '  would make Amira Haddad headteacher of northgate',
      'Dry run, nothing written: would create 5, update 0, deactivate 0; 0 unchanged.',
    ]);
    expect(await store.tenants.get('northgate', 'northgate')).toBeUndefined();
    expect(await store.staff.count('northgate')).toBe(0);
    lines.length = 0;
    expect(await run('import', 'staff', 'examples/rosters/bromcom-staff.csv', '--tenant', 'northgate', '--map', 'Staff Type=job title')).toBe(0);
    expect(lines.slice(1)).toEqual(['Created tenant "northgate".', 'Staff: 5 created, 0 updated, 0 unchanged.']);
    expect((await store.staff.find('northgate', { where: { email: 's.jones@northgate-academy.org.uk' } }))[0]!.value.jobTitle).toBe('Support');
    expect(await run('import', 'staff', 'examples/staff.csv', '--map', 'Work Email')).toBe(2);
    expect(lines.at(-1)).toBe('--map: "Work Email" is not HEADING=FIELD (e.g. "Work Email=email")');
    await store.close();
  });

  it('reports a bad file with row numbers and exit code 1', async () => {
    const { store, lines, run } = cli();
    expect(await run('import', 'staff', 'no-such-file.csv')).toBe(1);
    expect(lines).toEqual(['Cannot read no-such-file.csv.']);
    expect(await run('frobnicate')).toBe(2);
    await store.close();
  });

  it('seeds a demo tenant idempotently, with a digest worth reading', async () => {
    const { store, clock, run } = cli();
    expect(await run('seed-demo')).toBe(0);
    const counts = async () => [await store.staff.count('demo'), await store.sessions.count('demo'), await store.responses.count('demo'), await store.gapTasks.count('demo')];
    const first = await counts();
    expect(await run('seed-demo')).toBe(0);
    expect(await counts()).toEqual(first);
    expect(first).toEqual([16, 3, 5, 6]);
    // Seeded around "now": a digest asked for now covers last week, when the past twilight ran.
    const digest = await loadManagerDigest({ store, clock }, 'demo', demoStaffId('sam.patel@riverside.example'), clock.now());
    if (!digest.ok) throw new Error(digest.message);
    // Sam Patel's five reports (examples/staff.csv) all attended and answered; three gap tasks are still open.
    expect(digest.value.totals).toEqual({ attended: 5, questionnairesOutstanding: 0, gapTasksOutstanding: 3, gapTasksOverdue: 0 });
    expect(digest.value.reactionSummary).toHaveProperty('text');
    expect(digest.value.reports.flatMap((r) => r.impactNotes)).toHaveLength(1);
    const tomorrow = (await store.sessions.get('demo', 'demo-ses-adaptive'))!.value;
    expect(tomorrow.startsAt.slice(0, 10)).toBe('2026-11-26');
    await store.close();
  });
});

describe('the CLI as a process (smoke test)', () => {
  it('seeds a file store and exports the lead report', () => {
    const dir = mkdtempSync(join(tmpdir(), 'twilight-cli-smoke-'));
    try {
      const env = { ...process.env, DATA_DIR: dir, STORE: 'embedded', npm_config_loglevel: 'silent' };
      const tsx = join('node_modules', '.bin', 'tsx');
      execFileSync(tsx, ['src/cli/main.ts', 'seed-demo'], { env, encoding: 'utf8' });
      const csv = execFileSync(tsx, ['src/cli/main.ts', 'export', 'report', '--tenant', 'demo'], { env, encoding: 'utf8' });
      expect(csv.split('\n')[0]).toBe('\uFEFFsession,date,category,kind,invited,accepted,attended,responses,response_rate,ratings,further_cpd_requests,comment_themes,withheld');
      expect(csv).toContain('Retrieval practice: part 1');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
