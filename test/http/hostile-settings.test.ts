import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { loadConfig } from '../../src/config';

const root = resolve(__dirname, '../..');

/** Runs the bot with `env` (plus PATH and HOME) until it exits, killing it after `timeoutMs`. */
function runToExit(env: Record<string, string>, timeoutMs = 20_000): Promise<{ code: number | null; lines: string[]; killed: boolean }> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
    cwd: root,
    env: { PATH: process.env.PATH, HOME: process.env.HOME, HOST: '127.0.0.1', PORT: '0', SCHEDULER: 'false', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout.on('data', (c: Buffer) => (output += c.toString()));
  child.stderr.on('data', (c: Buffer) => (output += c.toString()));
  return new Promise((done) => {
    let killed = false;
    const timer = setTimeout(() => {
      killed = true;
      child.kill('SIGKILL');
    }, timeoutMs);
    child.on('exit', (code) => {
      clearTimeout(timer);
      done({ code, lines: output.split('\n').filter((l) => l.trim() !== ''), killed });
    });
  });
}

/** Issue 24 item 11: hostile settings end in one `config:` line, never a stack trace or a hang. */
describe('hostile settings at start', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'twilight-hostile-'));
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  it('MICROSOFT_APP_ID of spaces is refused by the settings check, naming it', () => {
    const result = loadConfig({ MICROSOFT_APP_ID: '   ', MICROSOFT_APP_PASSWORD: 'p'.repeat(40), MICROSOFT_APP_TENANT_ID: 'entra' });
    expect(result).toEqual({ ok: false, errors: ['MICROSOFT_APP_ID: is only spaces'] });
  });

  it('the bot with MICROSOFT_APP_ID of spaces: one config line, exit 2', async () => {
    const run = await runToExit({ DATA_DIR: dataDir, MICROSOFT_APP_ID: '    ', MICROSOFT_APP_PASSWORD: 'p'.repeat(40), MICROSOFT_APP_TENANT_ID: 'entra' });
    expect(run.lines).toEqual(['config: MICROSOFT_APP_ID: is only spaces']);
    expect(run.code).toBe(2);
  }, 30_000);

  it('DATA_DIR=/proc/nope: one config line naming it within seconds, not a hang at full CPU', async () => {
    const started = Date.now();
    const run = await runToExit({ DATA_DIR: '/proc/nope' }, 15_000);
    expect(run.killed).toBe(false);
    expect(Date.now() - started).toBeLessThan(15_000);
    expect(run.lines).toHaveLength(1);
    expect(run.lines[0]).toMatch(/^config: DATA_DIR: cannot use \/proc\/nope for the embedded store: /);
    expect(run.code).toBe(1);
  }, 30_000);
});
