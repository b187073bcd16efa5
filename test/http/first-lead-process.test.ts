import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { welcomeKeyId } from '../../src/app/setup';
import { ManualClock } from '../../src/domain';
import { openEmbeddedStore } from '../../src/store/embedded/sqlite-store';

const root = join(__dirname, '..', '..');

/** Runs the real bot (src/main.ts) until it listens, then stops it; returns its output. */
async function startAndStop(env: Record<string, string>): Promise<string> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], { cwd: root, env: { PATH: process.env.PATH, HOME: process.env.HOME, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`did not start: ${output}`)), 30_000);
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      if (output.includes('twilight is listening')) {
        clearTimeout(timer);
        resolve();
      }
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
  });
  const exited = new Promise<void>((resolve) => child.on('exit', () => resolve()));
  child.kill('SIGTERM');
  await exited;
  return output;
}

describe('FIRST_CPD_LEAD_EMAIL in the real process (npm start on the embedded store)', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'twilight-first-lead-'));
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  it('names the first lead of DEFAULT_TENANT_ID at start, with a welcome waiting, and logs no e-mail', async () => {
    const env = { PORT: '0', HOST: '127.0.0.1', DATA_DIR: dataDir, SCHEDULER: 'false', DEFAULT_TENANT_ID: 'hillside', FIRST_CPD_LEAD_EMAIL: 'lee.lead@hillside.example' };
    const output = await startAndStop(env);
    expect(output).toContain('"outcome":"created"');
    expect(output).not.toContain('lee.lead@hillside.example');
    // Started again: the school has its lead, nothing changes.
    expect(await startAndStop(env)).toContain('"outcome":"has-a-lead"');

    const store = openEmbeddedStore({ path: join(dataDir, 'twilight.db'), clock: new ManualClock('2026-11-20T09:00:00.000Z') });
    try {
      const staff = (await store.staff.find('hillside')).map((v) => v.value);
      expect(staff.map((s) => [s.email, s.roles])).toEqual([['lee.lead@hillside.example', ['staff', 'cpd-lead']]]);
      expect((await store.idempotencyKeys.get('hillside', welcomeKeyId(staff[0]!.id)))?.value.state).toBe('pending');
    } finally {
      await store.close();
    }
  });
});
