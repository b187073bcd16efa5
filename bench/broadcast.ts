/**
 * Broadcast benchmark: 5,000 recipients on Teams through the rate-limited platform fake, which
 * enforces the documented limits (50 RPS per app per tenant; 7/1 s, 8/2 s, 60/30 s, 1800/h per
 * conversation). Prints achieved rate / allowed ceiling, lost, duplicates and elapsed time.
 *
 *   npx tsx bench/broadcast.ts [--recipients 5000] [--cosmos]
 *
 * Real time: the ceiling is 50 a second, so 5,000 messages take at least 100 s.
 */
import pino from 'pino';
import type { Clock } from '../src/domain';
import { Dispatcher } from '../src/scheduler/send/dispatcher';
import { DOCUMENTED_LIMITS, sustainedRate } from '../src/scheduler/send/rate-limits';
import { HttpPlatformSender, startRateLimitedPlatform } from '../test/support/rate-limited-platform';
import { openBenchStore, seedBroadcast } from './support/broadcast-world';

function arg(name: string, fallback: string): string {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 && process.argv[i + 1] ? process.argv[i + 1]! : fallback;
}

async function main(): Promise<void> {
  const recipients = Number(arg('recipients', '5000'));
  const useCosmos = process.argv.includes('--cosmos');
  const clock: Clock = { now: () => new Date() };
  const world = await openBenchStore(useCosmos, clock);
  const platform = await startRateLimitedPlatform();
  const people = await seedBroadcast(world.store, recipients);
  const dispatcher = new Dispatcher({
    store: world.store,
    clock,
    logger: pino({ level: 'warn' }),
    senders: [new HttpPlatformSender('teams', platform.url)],
    compose: async (d) => ({ ok: true, recipient: people.get(d.recipientId)!, message: { text: 'Invitation', view: { kind: 'thank-you', title: 't', text: 't' } } }),
    instanceId: 'bench',
    batchSize: 1000,
    concurrency: 32,
  });

  const started = Date.now();
  const summary = await dispatcher.dispatchUntilIdle();
  const elapsedMs = Date.now() - started;

  const counts = [...platform.received.values()];
  const lost = recipients - platform.received.size;
  const duplicates = counts.reduce((sum, c) => sum + Math.max(0, c - 1), 0);
  const ceiling = sustainedRate(DOCUMENTED_LIMITS.teams);
  // The rate over the sending span the platform saw (first to last accepted message).
  const spanS = ((platform.stats.lastAt ?? 0) - (platform.stats.firstAt ?? 0)) / 1000;
  const achieved = (platform.stats.accepted - 1) / spanS;
  const rows: [string, string][] = [
    ['store', world.kind],
    ['recipients', String(recipients)],
    ['achieved rate (msg/s)', achieved.toFixed(2)],
    ['allowed ceiling (msg/s)', ceiling.toFixed(2)],
    ['achieved / ceiling', `${(achieved / ceiling).toFixed(3)} (goal ≥ 0.9)`],
    ['lost', String(lost)],
    ['duplicates', String(duplicates)],
    ['429 from the platform', String(platform.stats.limited)],
    ['elapsed (s)', (elapsedMs / 1000).toFixed(1)],
    ['dispatch summary', JSON.stringify(summary)],
  ];
  const width = Math.max(...rows.map(([k]) => k.length));
  for (const [k, v] of rows) process.stdout.write(`${k.padEnd(width)}  ${v}\n`);
  await platform.stop();
  await world.close();
  process.exitCode = lost === 0 && duplicates === 0 && achieved / ceiling >= 0.9 ? 0 : 1;
}

void main();
