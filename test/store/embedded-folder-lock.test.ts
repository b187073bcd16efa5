import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ManualClock } from '../../src/domain';
import { DataFolderInUseError, openEmbeddedStore } from '../../src/store/embedded/sqlite-store';
import { staff } from '../support/fixtures';

/**
 * One process per DATA_DIR: two processes on one embedded store double-sent (each dispatcher took
 * the other's "database is locked" as a lost result). The store now holds an exclusive lock on its
 * folder for as long as it is open; the OS drops it when the process dies, even on kill -9.
 */
const root = join(__dirname, '..', '..');
const clock = new ManualClock('2026-11-25T09:00:00.000Z');

describe('the embedded store locks its folder (real SQLite files)', () => {
  const dir = mkdtempSync(join(tmpdir(), 'twilight-lock-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('a second store on the same folder is refused with a clear error; once the first closes it opens', async () => {
    const path = join(dir, 'twilight.db');
    const first = openEmbeddedStore({ path, clock });
    await first.staff.create(staff('t1', 's1'));
    expect(() => openEmbeddedStore({ path, clock })).toThrow(DataFolderInUseError);
    expect(() => openEmbeddedStore({ path, clock })).toThrow(`${dir} is in use by another Twilight process`);
    await first.close();
    const second = openEmbeddedStore({ path, clock });
    expect((await second.staff.get('t1', 's1'))?.value.id).toBe('s1');
    await second.close();
  });
});

function run(file: string, args: string[], env: Record<string, string>): ChildProcess {
  return spawn(process.execPath, ['--import', 'tsx', file, ...args], {
    cwd: root,
    env: { PATH: process.env.PATH!, HOME: process.env.HOME!, PORT: '0', HOST: '127.0.0.1', SCHEDULER: 'false', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
}

function output(child: ChildProcess): { text: () => string; exited: Promise<number | null>; waitFor: (pattern: RegExp) => Promise<string> } {
  let seen = '';
  const waiters: { pattern: RegExp; resolve: (line: string) => void }[] = [];
  const onData = (chunk: Buffer) => {
    seen += chunk.toString();
    for (const w of [...waiters]) {
      const line = seen.split('\n').find((l) => w.pattern.test(l));
      if (line) {
        waiters.splice(waiters.indexOf(w), 1);
        w.resolve(line);
      }
    }
  };
  child.stdout?.on('data', onData);
  child.stderr?.on('data', onData);
  return {
    text: () => seen,
    exited: new Promise((resolve) => child.on('exit', (code) => resolve(code))),
    waitFor: (pattern) => new Promise((resolve) => waiters.push({ pattern, resolve })),
  };
}

describe('two real processes on one DATA_DIR', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'twilight-two-'));
  let first: ChildProcess | undefined;
  afterAll(() => {
    if (first && first.exitCode === null) first.kill('SIGKILL');
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('the second server exits non-zero with one line; the CLI refuses clearly; both work once the first has stopped', async () => {
    first = run('src/main.ts', [], { DATA_DIR: dataDir });
    const firstOut = output(first);
    await firstOut.waitFor(/twilight is listening/);

    const second = output(run('src/main.ts', [], { DATA_DIR: dataDir }));
    expect(await second.exited).toBe(3);
    expect(second.text().trim().split('\n')).toEqual([`twilight: DATA_DIR ${dataDir} is in use by another Twilight process (the embedded store allows one at a time); stop it first, or give this one another DATA_DIR`]);

    const cli = output(run('src/cli/main.ts', ['export', 'records', '--out', join(dataDir, 'records.csv')], { DATA_DIR: dataDir }));
    expect(await cli.exited).toBe(3);
    expect(cli.text()).toMatch(new RegExp(`^twilight cli: DATA_DIR ${dataDir} is in use by another Twilight process`));

    first.kill('SIGTERM');
    expect(await firstOut.exited).toBe(0);
    const after = output(run('src/cli/main.ts', ['export', 'records', '--out', join(dataDir, 'records.csv')], { DATA_DIR: dataDir }));
    expect(await after.exited).toBe(0);
  }, 60_000);
});
