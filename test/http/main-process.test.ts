import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { waitForLine } from '../support/wait-for-line';

const root = join(__dirname, '..', '..');

describe('the bot process (npm start, no environment)', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'twilight-main-'));
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  test('starts on the embedded store, answers /healthz, and stops cleanly on SIGTERM', async () => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
      cwd: root,
      // Only what a fresh shell has, plus a free port and a scratch data directory.
      env: { PATH: process.env.PATH, HOME: process.env.HOME, PORT: '0', HOST: '127.0.0.1', DATA_DIR: dataDir, SCHEDULER: 'false' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const listening = JSON.parse(await waitForLine(child, /twilight is listening/, 20000)) as { port: number };
    const health = await fetch(`http://127.0.0.1:${listening.port}/healthz`);
    expect(health.status).toBe(200);
    expect(await health.json()).toEqual({ status: 'ok', store: 'embedded' });

    const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
    const stopped = waitForLine(child, /"msg":"stopped"/, 20000);
    child.kill('SIGTERM');
    await stopped;
    expect(await exited).toBe(0);
  });

  test('a bad environment value stops it at once with one line naming the variable', async () => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
      cwd: root,
      env: { PATH: process.env.PATH, HOME: process.env.HOME, STORE: 'mongo' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const line = await waitForLine(child, /^config: /, 20000);
    expect(line).toMatch(/^config: STORE: /);
    const code = await new Promise<number | null>((resolve) => child.on('exit', (c) => resolve(c)));
    expect(code).toBe(2);
  });
});

/** Runs the bot with `env` (plus PATH and HOME) until it exits; everything it printed, and its exit code. */
function runToExit(env: Record<string, string>, timeoutMs = 20000): Promise<{ code: number | null; output: string; lines: string[] }> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
    cwd: root,
    env: { PATH: process.env.PATH, HOME: process.env.HOME, HOST: '127.0.0.1', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout.on('data', (c: Buffer) => (output += c.toString()));
  child.stderr.on('data', (c: Buffer) => (output += c.toString()));
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`still running after ${timeoutMs} ms; output: ${output}`));
    }, timeoutMs);
    child.on('exit', (code) => {
      clearTimeout(timer);
      resolve({ code, output, lines: output.split('\n').filter((l) => l.trim() !== '') });
    });
  });
}

describe('the bot process fails closed at start (issue 19)', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'twilight-main-'));
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  test('port already in use: one line, exit 1, no "listening", no scheduler', async () => {
    const holder: Server = createServer();
    await new Promise<void>((resolve) => holder.listen(0, '127.0.0.1', () => resolve()));
    const port = (holder.address() as { port: number }).port;
    try {
      const run = await runToExit({ PORT: String(port), DATA_DIR: dataDir, SCHEDULER: 'true' });
      expect(run.code).toBe(1);
      expect(run.lines).toEqual([`twilight: cannot listen on 127.0.0.1:${port}: the address is already in use (is another twilight running?)`]);
    } finally {
      holder.close();
    }
  });

  test('a half-configured platform (Teams password and tenant, empty app id) refuses to start with one config line', async () => {
    const run = await runToExit({ PORT: '0', DATA_DIR: dataDir, MICROSOFT_APP_ID: '', MICROSOFT_APP_PASSWORD: 'p'.repeat(40), MICROSOFT_APP_TENANT_ID: 'entra', DEV_PAGES: 'true' });
    expect(run.code).toBe(2);
    expect(run.lines).toHaveLength(1);
    expect(run.lines[0]).toMatch(/^config: MICROSOFT_APP_ID: is required because MICROSOFT_APP_PASSWORD/);
  });

  test('an unusable DATA_DIR: one line naming it, exit 1', async () => {
    const file = join(dataDir, 'not-a-folder');
    writeFileSync(file, 'x');
    const run = await runToExit({ PORT: '0', DATA_DIR: join(file, 'data'), SCHEDULER: 'false' });
    expect(run.code).toBe(1);
    expect(run.lines).toHaveLength(1);
    expect(run.lines[0]).toMatch(/^config: DATA_DIR: cannot use .*not-a-folder\/data for the embedded store: ENOTDIR/);
  });

  test('Slack credentials only: no unauthenticated Teams endpoint and no /dev, whatever DEV_PAGES says', async () => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
      cwd: root,
      env: { PATH: process.env.PATH, HOME: process.env.HOME, PORT: '0', HOST: '127.0.0.1', DATA_DIR: dataDir, SCHEDULER: 'false', SLACK_BOT_TOKEN: 'xoxb-1', SLACK_SIGNING_SECRET: 's'.repeat(32), DEV_PAGES: 'true' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    try {
      const listening = JSON.parse(await waitForLine(child, /twilight is listening/, 20000)) as { port: number; teams: boolean; slack: boolean; devPages: boolean };
      expect({ teams: listening.teams, slack: listening.slack, devPages: listening.devPages }).toEqual({ teams: false, slack: true, devPages: false });
      const unsigned = await fetch(`http://127.0.0.1:${listening.port}/api/messages`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ type: 'message', text: 'my cpd', channelId: 'msteams', serviceUrl: 'http://127.0.0.1:1/', from: { id: '29:x' }, conversation: { id: 'a:x' }, recipient: { id: '28:bot' } }),
      });
      expect(unsigned.status).toBe(404);
      expect((await fetch(`http://127.0.0.1:${listening.port}/dev`)).status).toBe(404);
    } finally {
      const exited = new Promise((resolve) => child.on('exit', resolve));
      child.kill('SIGTERM');
      await exited;
    }
  });
});
