import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const root = join(__dirname, '..', '..');

function waitForLine(child: ChildProcess, pattern: RegExp, timeoutMs = 20000): Promise<string> {
  return new Promise((resolve, reject) => {
    let seen = '';
    const timer = setTimeout(() => reject(new Error(`no ${pattern} within ${timeoutMs} ms; output: ${seen}`)), timeoutMs);
    const onData = (chunk: Buffer): void => {
      seen += chunk.toString();
      const line = seen.split('\n').find((l) => pattern.test(l));
      if (line) {
        clearTimeout(timer);
        resolve(line);
      }
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', onData);
  });
}

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
    const listening = JSON.parse(await waitForLine(child, /twilight is listening/)) as { port: number };
    const health = await fetch(`http://127.0.0.1:${listening.port}/healthz`);
    expect(health.status).toBe(200);
    expect(await health.json()).toEqual({ status: 'ok', store: 'embedded' });

    const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
    const stopped = waitForLine(child, /"msg":"stopped"/);
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
    const line = await waitForLine(child, /^config: /);
    expect(line).toMatch(/^config: STORE: /);
    const code = await new Promise<number | null>((resolve) => child.on('exit', (c) => resolve(c)));
    expect(code).toBe(2);
  });
});
