import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ManualClock } from '../../src/domain';
import { parseCliArgs } from '../../src/cli/cli-args';
import { runCli } from '../../src/cli/run-cli';
import { loadManagerDigest } from '../../src/reports/load-manager-digest';
import { openEmbeddedStore } from '../../src/store/embedded/sqlite-store';
import { demoStaffId } from '../../src/cli/seed-demo';

function cli() {
  const clock = new ManualClock('2026-11-25T10:00:00.000Z');
  const store = openEmbeddedStore({ path: ':memory:', clock });
  const lines: string[] = [];
  const deps = { store, clock, defaultTenantId: 'demo', print: (t: string) => lines.push(t) };
  return { store, clock, lines, run: (...argv: string[]) => runCli(argv, deps) };
}

describe('parseCliArgs', () => {
  it('parses each command and refuses unknown ones', () => {
    expect(parseCliArgs(['import', 'staff', 'x.csv', '--tenant', 't1', '--skip-bad'])).toEqual({ ok: true, command: { kind: 'import-staff', file: 'x.csv', tenantId: 't1', skipBad: true } });
    expect(parseCliArgs(['export', 'report', '--out', 'r.csv'])).toEqual({ ok: true, command: { kind: 'export', what: 'report', out: 'r.csv' } });
    expect(parseCliArgs(['export', 'everything'])).toEqual({ ok: false, message: 'unknown command: export everything' });
    expect(parseCliArgs(['import', 'staff', '--tenant'])).toEqual({ ok: false, message: '--tenant needs a value' });
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
      expect(lines).toEqual([
        'Created tenant "riverside".',
        'Staff: 16 created, 0 updated, 0 unchanged.',
        'Sessions: 16 created, 0 updated, 0 unchanged.',
        'Sessions: 0 created, 0 updated, 16 unchanged.',
      ]);
      const out = join(dir, 'responses.csv');
      expect(await run('export', 'responses', '--tenant', 'riverside', '--out', out)).toBe(0);
      expect(readFileSync(join(dir, 'responses-anonymous.csv'), 'utf8')).toMatch(/^questionnaire_id,.*response_id/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
      await store.close();
    }
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
      expect(csv.split('\n')[0]).toBe('session,date,category,kind,invited,accepted,attended,responses,response_rate,ratings,further_cpd_requests,comment_themes,withheld');
      expect(csv).toContain('Retrieval practice: part 1');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
