import { spawn } from 'node:child_process';
import { join } from 'node:path';

const root = join(__dirname, '..', '..');

/** The real process with this environment: its exit code and everything it wrote. */
function run(env: NodeJS.ProcessEnv): Promise<{ code: number | null; output: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], { cwd: root, env: { PATH: process.env.PATH, HOME: process.env.HOME, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (c: Buffer) => (output += c.toString()));
    child.stderr.on('data', (c: Buffer) => (output += c.toString()));
    // A process that started after all is stopped, so the test fails instead of leaving it running.
    const timer = setTimeout(() => child.kill('SIGKILL'), 20_000);
    child.on('exit', (code) => {
      clearTimeout(timer);
      resolve({ code, output });
    });
  });
}

describe('a LINK_SECRET that could be guessed, at start (the real process)', () => {
  test('32 spaces: one config line naming LINK_SECRET, exit 2, nothing started', async () => {
    const { code, output } = await run({
      PORT: '0',
      MICROSOFT_APP_ID: 'app-id',
      MICROSOFT_APP_PASSWORD: 'p'.repeat(40),
      MICROSOFT_APP_TENANT_ID: 'entra',
      PUBLIC_URL: 'https://bot.example',
      LINK_SECRET: ' '.repeat(32),
    });
    const lines = output.split('\n').filter((l) => l.trim() !== '');
    expect(lines).toEqual([expect.stringMatching(/^config: LINK_SECRET: is only spaces/)]);
    expect(code).toBe(2);
  }, 30_000);
});
