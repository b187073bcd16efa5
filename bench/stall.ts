/**
 * Stall benchmark (issue 15): 1,000 outbox records in retry backoff, due earlier than 10 healthy
 * ones. How many of the 10 does the next dispatcher pass send? Simulated clock; counts, not times.
 *
 *   npx tsx bench/stall.ts [--cosmos] [--backoff 1000] [--due 10]
 */
import { openOutboxWorld, pendingDelivery, printTable } from './support/outbox-world';

function arg(name: string, fallback: string): string {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 && process.argv[i + 1] ? process.argv[i + 1]! : fallback;
}

async function main(): Promise<void> {
  const backedOff = Number(arg('backoff', '1000'));
  const due = Number(arg('due', '10'));
  const w = await openOutboxWorld(process.argv.includes('--cosmos'));
  const now = w.clock.now().getTime();
  const iso = (ms: number) => new Date(ms).toISOString();
  // Written as a release after a failed send writes them: pending, one attempt, next attempt in 10 minutes.
  const waiting = Array.from({ length: backedOff }, (_, i) =>
    pendingDelivery('trust-a', `a${i}`, iso(now - 60_000 + i), { attempts: 1, nextAttemptAt: iso(now + 600_000), lastError: 'HTTP 503' }),
  );
  const healthy = Array.from({ length: due }, (_, i) => pendingDelivery(i % 2 ? 'trust-a' : 'trust-b', `h${i}`, iso(now - 1000)));
  await w.seed([...waiting, ...healthy]);
  w.reads.queries = 0;
  w.reads.documents = 0;
  const pass = await w.dispatcher.dispatchDue();
  const sentHealthy = w.sender.sends.filter((s) => s.deliveryId.startsWith('dlv-h')).length;
  printTable(`stall: ${backedOff} in backoff ahead of ${due} due (${w.kind})`, [
    ['due records sent by the next pass', `${sentHealthy} of ${due} (goal: all)`],
    ['claimed in that pass', String(pass.claimed)],
    ['backed-off records sent early', String(w.sender.sends.length - sentHealthy)],
    ['deliveries queries in the pass', String(w.reads.queries)],
    ['deliveries documents read in the pass', String(w.reads.documents)],
  ]);
  await w.close();
  if (sentHealthy < due) process.exitCode = 1;
}

void main();
