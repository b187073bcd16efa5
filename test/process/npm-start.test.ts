import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { waitForLine } from '../support/wait-for-line';

const root = join(__dirname, '..', '..');

/** True while something accepts connections on the port. */
function listening(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect({ host: '127.0.0.1', port });
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });
}

async function stillListeningAfter(port: number, withinMs: number): Promise<boolean> {
  const until = Date.now() + withinMs;
  while (Date.now() < until) {
    if (!(await listening(port))) return false;
    await new Promise((r) => setTimeout(r, 100));
  }
  return listening(port);
}

describe('npm start (the command README gives), stopped with kill -TERM on the npm process', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'twilight-npm-start-'));
  let npm: ChildProcess | undefined;
  afterAll(() => {
    // Whatever npm left behind is still in its process group: end it so a failed run leaves nothing.
    if (npm?.pid) {
      try {
        process.kill(-npm.pid, 'SIGKILL');
      } catch {
        // the group is already gone: nothing to clean up
      }
    }
    rmSync(dataDir, { recursive: true, force: true });
  });

  test('stops the process that serves: nothing is left listening', async () => {
    npm = spawn('npm', ['start'], {
      cwd: root,
      env: { PATH: process.env.PATH, HOME: process.env.HOME, PORT: '0', HOST: '127.0.0.1', DATA_DIR: dataDir, SCHEDULER: 'false' },
      stdio: ['ignore', 'pipe', 'pipe'],
      // Its own process group, so afterAll can find anything orphaned.
      detached: true,
    });
    const { port } = JSON.parse(await waitForLine(npm, /twilight is listening/)) as { port: number };
    expect(await listening(port)).toBe(true);

    const exited = new Promise<void>((resolve) => npm?.on('exit', () => resolve()));
    npm.kill('SIGTERM');
    await exited;
    expect(await stillListeningAfter(port, 5000)).toBe(false);
  });
});
