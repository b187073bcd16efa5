import autocannon from 'autocannon';

/**
 * Load from one set of connections, measured only once every connection is up.
 *
 * Node 20's libuv accepts one connection per event-loop iteration (libuv#3696). autocannon
 * opens all its connections at once, so a busy server (an iteration of 100 ready requests takes
 * 100 × its per-request cost) takes seconds to accept the last of 100, whose first request waits
 * all that time: in a fresh autocannon run those requests were the p99 and the 10 s timeouts.
 * So the run keeps its connections, waits until the server holds all of them (`rampSeconds`),
 * runs `warmupSeconds` more, then measures a window: latency of the requests sent in it (however
 * late they come back), throughput of those answered in it, and the timeouts from then on.
 */
export interface WindowResult {
  p50: number;
  p99: number;
  max: number;
  /** Answered inside the window, per second. */
  rps: number;
  responses: number;
  ok: number;
  non2xx: number;
  timeouts: number;
  /** From the first connection attempt until the server held them all. */
  rampSeconds: number;
}

export interface WindowOptions {
  url: string;
  path: string;
  connections: number;
  seconds: number;
  warmupSeconds: number;
  request: () => { body: string; headers: Record<string, string> };
  /** How many connections the server holds now. */
  serverConnections: () => Promise<number>;
  /** Called as the window opens and closes (read the server's CPU clock there). */
  onWindow?: (edge: 'start' | 'end') => Promise<void>;
  /** Give up waiting for the connections after this long and measure anyway. */
  maxRampSeconds?: number;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

function percentile(sorted: number[], p: number): number {
  return sorted.length === 0 ? 0 : sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * p))]!;
}

export async function measureWindow(options: WindowOptions): Promise<WindowResult> {
  const answered: { at: number; ms: number; status: number }[] = [];
  const timedOut: number[] = [];
  const instance = autocannon({
    url: options.url,
    connections: options.connections,
    // Stopped below; the duration only bounds a run whose window never closes.
    duration: (options.maxRampSeconds ?? 60) + options.warmupSeconds + options.seconds + 30,
    timeout: 10,
    requests: [{ method: 'POST', path: options.path, setupRequest: (req) => ({ ...req, ...options.request() }) }],
  });
  // autocannon's instance is also its result promise, and `on` returns the instance: that promise is
  // awaited below, after stop(), so these are no floating promises.
  void instance.on('response', (_client, status, _bytes, ms) => answered.push({ at: Date.now(), ms, status }));
  void instance.on('reqError', (error) => {
    if (error.message.includes('timed out')) timedOut.push(Date.now());
  });
  const started = Date.now();
  const rampDeadline = started + (options.maxRampSeconds ?? 60) * 1000;
  while ((await options.serverConnections()) < options.connections && Date.now() < rampDeadline) await sleep(100);
  const rampSeconds = (Date.now() - started) / 1000;
  await sleep(options.warmupSeconds * 1000);
  const windowStart = Date.now();
  await options.onWindow?.('start');
  await sleep(options.seconds * 1000);
  const windowEnd = Date.now();
  await options.onWindow?.('end');
  // Requests sent near the end are still out: keep the load on (as before) until the slowest so far would be back.
  const slowest = Math.max(0, ...answered.filter((r) => r.at >= windowStart).map((r) => r.ms));
  await sleep(Math.min(10_000, Math.max(1000, slowest * 1.5)));
  instance.stop();
  await instance;
  // Latency of every request sent in the window, however late it came back; throughput of those answered in it.
  const sentInside = answered.filter((r) => r.at - r.ms >= windowStart && r.at - r.ms <= windowEnd);
  const doneInside = answered.filter((r) => r.at >= windowStart && r.at <= windowEnd);
  const latencies = sentInside.map((r) => r.ms).sort((a, b) => a - b);
  const ok = doneInside.filter((r) => r.status >= 200 && r.status < 300).length;
  return {
    p50: percentile(latencies, 0.5),
    p99: percentile(latencies, 0.99),
    max: latencies[latencies.length - 1] ?? 0,
    rps: doneInside.length / ((windowEnd - windowStart) / 1000),
    responses: doneInside.length,
    ok,
    non2xx: doneInside.length - ok,
    timeouts: timedOut.filter((at) => at >= windowStart).length,
    rampSeconds,
  };
}
