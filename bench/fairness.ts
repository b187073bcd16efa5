/**
 * Fairness benchmark (issue 15): tenant A's broadcast to 20,000 people is queued; tenant B's
 * reminders fall due one by one while it goes out. How long does each of B's wait? Goal: p99 ≤ 5 s
 * with A sending at the Teams ceiling (50 a second per app per tenant). Simulated clock: the
 * dispatcher's rate limiter keeps the documented Teams windows in simulated time.
 *
 *   npx tsx bench/fairness.ts [--recipients 20000] [--reminders 50] [--cosmos]
 */
import { openOutboxWorld, pendingDelivery, printTable } from './support/outbox-world';

function arg(name: string, fallback: string): string {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 && process.argv[i + 1] ? process.argv[i + 1]! : fallback;
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? NaN;
}

async function main(): Promise<void> {
  const recipients = Number(arg('recipients', '20000'));
  const reminders = Number(arg('reminders', '50'));
  const w = await openOutboxWorld(process.argv.includes('--cosmos'));
  const start = w.clock.now().getTime();
  const iso = (ms: number) => new Date(ms).toISOString();
  // At 50 a second the broadcast takes recipients / 50 seconds: B's reminders fall due evenly across its first half.
  const span = (recipients / 50 / 2) * 1000;
  const broadcast = Array.from({ length: recipients }, (_, i) => pendingDelivery('trust-a', `a${i}`, iso(start)));
  const reminderDocs = Array.from({ length: reminders }, (_, i) => pendingDelivery('school-b', `b${i}`, iso(start + Math.round(((i + 0.5) * span) / reminders))));
  await w.seed([...broadcast, ...reminderDocs]);
  w.reads.queries = 0;
  w.reads.documents = 0;
  // A pass refills its queue as it goes, so it would go on through the rest of A's broadcast: once B's
  // last reminder is sent, stop as SIGTERM does (sends in flight finish, the rest is handed back).
  let bSent = 0;
  const send = w.sender.send.bind(w.sender);
  w.sender.send = async (recipient, message, d) => {
    const result = await send(recipient, message, d);
    if (d.tenantId === 'school-b' && ++bSent === reminders) void w.dispatcher.stop();
    return result;
  };
  const realStart = Date.now();
  let passes = 0;
  // As the scheduler does while there is work: pass after pass; when nothing is claimable, a second passes.
  while (w.sender.sends.filter((s) => s.tenantId === 'school-b').length < reminders && passes < 100_000) {
    passes++;
    const s = await w.dispatcher.dispatchDue();
    if (s.claimed === 0) w.clock.advance(1000);
  }
  const bSends = w.sender.sends.filter((s) => s.tenantId === 'school-b');
  const delays = bSends.map((s) => (s.at - Date.parse(s.dueAt)) / 1000).sort((a, b) => a - b);
  // The sends in flight when it stopped may include a few of A's: count A's sends until B's last.
  const lastB = w.sender.sends.lastIndexOf(bSends.at(-1)!);
  const aSent = w.sender.sends.slice(0, lastB + 1).filter((s) => s.tenantId === 'trust-a');
  const aSpan = aSent.length > 1 ? (aSent.at(-1)!.at - aSent[0]!.at) / 1000 : 0;
  printTable(`fairness: A's ${recipients}-recipient broadcast, B's ${reminders} reminders due during it (${w.kind})`, [
    ["B's send delay p50 (s, simulated)", percentile(delays, 50).toFixed(1)],
    ["B's send delay p99 (s, simulated)", `${percentile(delays, 99).toFixed(1)} (goal ≤ 5)`],
    ["B's send delay max (s, simulated)", (delays.at(-1) ?? NaN).toFixed(1)],
    ["A's messages sent by then", String(aSent.length)],
    ["A's rate meanwhile (msg/s, simulated; Teams ceiling 50)", aSpan > 0 ? ((aSent.length - 1) / aSpan).toFixed(1) : '-'],
    ['dispatcher passes', String(passes)],
    ['deliveries queries / documents read', `${w.reads.queries} / ${w.reads.documents}`],
    ['real time (s)', ((Date.now() - realStart) / 1000).toFixed(1)],
  ]);
  await w.close();
  if (!(percentile(delays, 99) <= 5)) process.exitCode = 1;
}

void main();
