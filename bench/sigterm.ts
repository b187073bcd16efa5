/**
 * SIGTERM with a queue: the real bot process (`src/main.ts`, embedded store, scheduler on, Slack
 * pointed at a quiet loopback Web API) with `--queued` invitations due, all to Slack. Once it has
 * been sending for a moment, SIGTERM; prints how long the process took to exit and what the
 * outbox holds afterwards (sent, free to claim at once, still leased).
 *
 *   npx tsx bench/sigterm.ts [--queued 1200] [--after-sends 290] [--settle-ms 3000]
 *
 * The defaults signal while the workers wait for Slack's workspace window (300 a minute) to
 * reopen: the case that took 57 s in the attack run.
 *
 * Real time: the scheduler's first dispatch is at the next minute boundary, so a run takes up to a
 * minute before the signal. Goal: exit in under 10 s (Docker's grace before SIGKILL).
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { deliveryId, Staff } from '../src/domain';
import { openEmbeddedStore } from '../src/store/embedded/sqlite-store';
import { alwaysOpenCalendar, session, tenant } from '../test/support/fixtures';
import { startQuietSlackApi } from './support/quiet-slack-api';

const TENANT = 'sigterm-school';
const TEAM = 'TSIGTERM';

function arg(name: string, fallback: string): string {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 && process.argv[i + 1] ? process.argv[i + 1]! : fallback;
}

async function seed(dataDir: string, queued: number): Promise<void> {
  const store = openEmbeddedStore({ path: join(dataDir, 'twilight.db'), clock: { now: () => new Date() } });
  const now = new Date().toISOString();
  await store.tenants.create({ ...tenant(TENANT), slackTeamId: TEAM });
  await store.calendars.put(alwaysOpenCalendar(TENANT));
  const startsAt = new Date(Date.now() + 7 * 86_400_000);
  await store.sessions.create(session(TENANT, 'ses-sigterm', { startsAt: startsAt.toISOString(), endsAt: new Date(startsAt.getTime() + 5_400_000).toISOString() }));
  for (let i = 0; i < queued; i++) {
    const staffId = `p${i}`;
    await store.staff.create(Staff.parse({ tenantId: TENANT, id: staffId, name: `Person ${i}`, email: `p${i}@school.example`, slack: { userId: `UP${i}`, teamId: TEAM } }));
    await store.deliveries.create({ tenantId: TENANT, id: deliveryId('invitation', staffId, 'ses-sigterm'), kind: 'invitation', recipientId: staffId, dueAt: now, status: 'pending', subject: { sessionId: 'ses-sigterm' }, attempts: 0, createdAt: now });
  }
  await store.close();
}

async function main(): Promise<void> {
  const queued = Number(arg('queued', '1200'));
  const afterSends = Number(arg('after-sends', '290'));
  const settleMs = Number(arg('settle-ms', '3000'));
  const dataDir = mkdtempSync(join(tmpdir(), 'twilight-sigterm-'));
  await seed(dataDir, queued);
  const api = await startQuietSlackApi(TEAM);
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
    cwd: join(__dirname, '..'),
    env: {
      PATH: process.env.PATH,
      HOME: process.env.HOME,
      PORT: '0',
      HOST: '127.0.0.1',
      DATA_DIR: dataDir,
      SCHEDULER: 'true',
      DEFAULT_TENANT_ID: TENANT,
      SLACK_BOT_TOKEN: 'xoxb-sigterm',
      SLACK_SIGNING_SECRET: 'sigterm-signing-secret-0123456789abcdef',
      SLACK_API_URL: api.apiUrl,
      LINK_SECRET: 'sigterm-link-secret-0123456789abcdef-0123456789',
      LOG_LEVEL: 'warn',
    },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  const waitedFrom = Date.now();
  while (api.calls() < afterSends) {
    if (child.exitCode !== null) throw new Error(`the bot exited (${child.exitCode}) before sending`);
    if (Date.now() - waitedFrom > 120_000) throw new Error(`fewer than ${afterSends} Slack calls in 120 s`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  await new Promise((resolve) => setTimeout(resolve, settleMs));
  const callsAtSignal = api.calls();
  const signalled = Date.now();
  child.kill('SIGTERM');
  const code = await exited;
  const exitMs = Date.now() - signalled;
  const callsAfterSignal = api.calls() - callsAtSignal;
  await api.stop();

  const store = openEmbeddedStore({ path: join(dataDir, 'twilight.db'), clock: { now: () => new Date() } });
  const rows = (await store.deliveries.find(TENANT)).map((r) => r.value).filter((d) => d.kind === 'invitation');
  await store.close();
  rmSync(dataDir, { recursive: true, force: true });
  const table: [string, string][] = [
    ['queued invitations', String(queued)],
    ['Slack calls before SIGTERM', `${callsAtSignal} (signal ${settleMs} ms after call ${afterSends})`],
    ['Slack calls after SIGTERM', String(callsAfterSignal)],
    ['exit after SIGTERM (s)', `${(exitMs / 1000).toFixed(2)} (goal < 10), code ${code}`],
    ['sent', String(rows.filter((d) => d.status === 'sent').length)],
    ['pending, free to claim at once', String(rows.filter((d) => d.status === 'pending' && !d.leaseOwner).length)],
    ['pending, still leased', String(rows.filter((d) => d.status === 'pending' && d.leaseOwner).length)],
  ];
  const width = Math.max(...table.map(([k]) => k.length));
  for (const [k, v] of table) process.stdout.write(`${k.padEnd(width)}  ${v}\n`);
  process.exitCode = exitMs < 10_000 && code === 0 ? 0 : 1;
}

void main();
