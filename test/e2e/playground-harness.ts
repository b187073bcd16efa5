import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createTeamsBot } from '../../src/bots/teams';
import { seedDemo } from '../../src/app/demo/seed-demo';
import { ManualClock } from '../../src/domain/clock';
import { createHttpApp } from '../../src/http/app';
import { createLogger } from '../../src/log';
import type { Scheduler } from '../../src/scheduler/scheduler';
import { openEmbeddedStore } from '../../src/store/embedded/sqlite-store';
import type { Store } from '../../src/store/store';
import { startTestScheduler } from '../support/test-scheduler';

const root = join(__dirname, '..', '..');

export interface E2eBot {
  endpoint: string;
  store: Store;
  clock: ManualClock;
  scheduler: Scheduler;
  close(): Promise<void>;
}

/**
 * The bot as main.ts composes it in dev mode (no app id: the Agents Playground needs no tokens), on
 * an embedded store in a temp folder seeded with the demo school, with the scheduler on a manual
 * clock: a school afternoon whatever time CI runs, so quiet hours never hold a message back.
 */
export async function startSeededBot(now: string): Promise<E2eBot> {
  const dataDir = mkdtempSync(join(tmpdir(), 'twilight-e2e-'));
  const clock = new ManualClock(now);
  const store = openEmbeddedStore({ path: join(dataDir, 'twilight.db'), clock });
  await seedDemo({ store, clock });
  const logger = createLogger('silent');
  const teams = createTeamsBot({ store, clock, logger, config: { appType: 'MultiTenant', defaultTenantId: 'demo' } });
  const app = createHttpApp({ store, logger, routers: [teams.router] });
  const server = await new Promise<Server>((resolve) => {
    const s = app.listen(0, '127.0.0.1', () => resolve(s));
  });
  const scheduler = startTestScheduler({ store, clock }, [teams.sender]);
  const { port } = server.address() as AddressInfo;
  return {
    endpoint: `http://127.0.0.1:${port}/api/messages`,
    store,
    clock,
    scheduler,
    close: async () => {
      await scheduler.stop();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await store.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

export interface PlaygroundUser {
  name: string;
  email: string;
  aadObjectId: string;
}

export interface Playground {
  url: string;
  stop(): Promise<void>;
}

/**
 * The Playground configuration shipped for this person (examples/playground/<first-last>.yml,
 * README "Try it as a named person"): the suite signs in with the same files people use, so
 * they stay loadable, and checks that the file names the person it is used for.
 */
export function shippedPlaygroundConfig(user: PlaygroundUser): string {
  const file = join(root, 'examples', 'playground', `${user.name.toLowerCase().replace(/[^a-z]+/g, '-')}.yml`);
  const text = readFileSync(file, 'utf8');
  for (const line of [`  email: ${user.email}`, `  aadObjectId: ${user.aadObjectId}`]) {
    if (!text.includes(`\n${line}\n`)) throw new Error(`${file} does not sign in as ${user.name} (${line.trim()})`);
  }
  return text;
}

/** Microsoft 365 Agents Playground, headless (no browser of its own), as that user; its UI port read from its output. */
export async function startPlayground(endpoint: string, user: PlaygroundUser): Promise<Playground> {
  const dir = mkdtempSync(join(tmpdir(), 'twilight-playground-'));
  const configPath = join(dir, '.m365agentsplayground.yml');
  writeFileSync(configPath, shippedPlaygroundConfig(user));
  const bin = join(root, 'node_modules', '.bin', 'agentsplayground');
  const child: ChildProcess = spawn(bin, ['-e', endpoint, '-c', 'msteams', '--dt', '-p', '0'], {
    cwd: dir,
    env: { ...process.env, TEAMSAPPTESTER_BROWSER: 'none', M365_AGENTS_PLAYGROUND_CONFIG_PATH: configPath },
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
  });
  const stop = async (): Promise<void> => {
    if (child.exitCode === null && child.pid) {
      const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
      process.kill(-child.pid, 'SIGTERM');
      await exited;
    }
    rmSync(dir, { recursive: true, force: true });
  };
  const ready = new Promise<string>((resolve, reject) => {
    let seen = '';
    const timer = setTimeout(() => reject(new Error(`the Playground did not start within 60 s; output: ${seen}`)), 60000);
    const onData = (chunk: Buffer): void => {
      seen += chunk.toString();
      // Its port moves when busy; it may listen on ::1 only, so address it as localhost.
      const match = /Listening on (\d+)/.exec(seen);
      if (match) {
        clearTimeout(timer);
        resolve(`http://localhost:${match[1]}`);
      }
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', onData);
    child.once('exit', (code) => reject(new Error(`the Playground exited (${code}); output: ${seen}`)));
  });
  try {
    return { url: await ready, stop };
  } catch (error) {
    await stop();
    throw error;
  }
}
