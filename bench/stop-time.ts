/**
 * Stop time: a dispatcher with 1,200 deliveries queued is stopped (as on SIGTERM) while it sends
 * to Slack at the documented ceiling (300 a minute per workspace, 1 a second per channel), each
 * send taking 50 ms. Prints how long stop() took, what was sent, and what was handed back.
 *
 *   npx tsx bench/stop-time.ts [--queued 1200] [--stop-after-ms 3000]
 *
 * Real time and the default batch (200) and concurrency (16). Goal: stop in under 10 s (Docker's
 * default grace before SIGKILL) with every unstarted claim handed back.
 */
import pino from 'pino';
import type { MessageSender } from '../src/app/outbound';
import type { Clock, Staff } from '../src/domain';
import { Dispatcher } from '../src/scheduler/send/dispatcher';
import { BENCH_TENANT, openBenchStore, seedBroadcast } from './support/broadcast-world';

function arg(name: string, fallback: string): string {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 && process.argv[i + 1] ? process.argv[i + 1]! : fallback;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Slack as the dispatcher sees it: 50 ms a message, always accepted. */
function slowSlack(sent: Set<string>): MessageSender {
  return {
    platform: 'slack',
    maxSendMs: 1000,
    canReach: () => true,
    async send(recipient: Staff) {
      await sleep(50);
      sent.add(recipient.id);
      return { status: 'sent', messageId: `m-${recipient.id}`, conversationId: `D${recipient.id}` };
    },
    async update() {
      return { status: 'failed', transient: false, reason: 'not used' };
    },
  };
}

async function main(): Promise<void> {
  const queued = Number(arg('queued', '1200'));
  const stopAfterMs = Number(arg('stop-after-ms', '3000'));
  const clock: Clock = { now: () => new Date() };
  const world = await openBenchStore(false, clock);
  const people = await seedBroadcast(world.store, queued);
  const sent = new Set<string>();
  const dispatcher = new Dispatcher({
    store: world.store,
    clock,
    logger: pino({ level: 'warn' }),
    senders: [slowSlack(sent)],
    compose: async (d) => ({ ok: true, recipient: people.get(d.recipientId)!, message: { text: 'Invitation', view: { kind: 'thank-you', title: 't', text: 't' } } }),
    instanceId: 'bench',
  });
  const running = dispatcher.dispatchUntilIdle();
  await sleep(stopAfterMs);
  const sentBeforeStop = sent.size;
  const stopping = Date.now();
  await dispatcher.stop();
  const stopMs = Date.now() - stopping;
  await running;
  const rows = (await world.store.deliveries.find(BENCH_TENANT)).map((r) => r.value);
  const table: [string, string][] = [
    ['queued', String(queued)],
    ['stop() called after (s)', (stopAfterMs / 1000).toFixed(1)],
    ['sent before stop()', String(sentBeforeStop)],
    ['stop() took (s)', `${(stopMs / 1000).toFixed(2)} (goal < 10)`],
    ['sent in all', String(rows.filter((r) => r.status === 'sent').length)],
    ['pending, free to claim at once', String(rows.filter((r) => r.status === 'pending' && !r.leaseOwner).length)],
    ['pending, still leased (wait for the lease)', String(rows.filter((r) => r.status === 'pending' && r.leaseOwner).length)],
  ];
  const width = Math.max(...table.map(([k]) => k.length));
  for (const [k, v] of table) process.stdout.write(`${k.padEnd(width)}  ${v}\n`);
  await world.close();
  process.exitCode = stopMs < 10_000 ? 0 : 1;
}

void main();
