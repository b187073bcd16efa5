import { Agent, request } from 'node:http';

/**
 * Open-loop load: requests arrive on a fixed schedule (request i at start + i / rate), whether or
 * not earlier ones have been answered, as Slack's users press Submit whatever our latency.
 *
 * Not autocannon's `overallRate`: autocannon gives each connection a share of the rate and a
 * 1-second timer, all started in the same tick, and a connection sends its share back to back
 * at each tick (lib/httpClient.js `_doRequest` / `rateInterval`). So 400/s arrives as a burst of
 * 400 at the top of every second, and a connection still waiting for an answer sends nothing, so
 * the rate silently falls when latency rises (coordinated omission).
 *
 * Here a 1 ms pacer sends every request that is due, over a keep-alive pool that opens up to
 * `connections` sockets as they are needed (rate × 1 s covers a 1 s latency); a request that finds
 * no free socket waits in the pool. Latency runs from the request's scheduled time, not from when
 * it left, so a late send (pacer lag, pool exhausted) counts against the server, never hides.
 */
export interface OpenLoopResult {
  /** Of the requests scheduled in the window, however late they came back (ms). */
  p50: number;
  p99: number;
  max: number;
  /** Requests that left in the window, per second. */
  sentRate: number;
  /** Answered in the window, per second (the achieved rate). */
  answeredRate: number;
  /** Answered in the window. */
  responses: number;
  ok: number;
  non2xx: number;
  /** Scheduled in the window and never answered: timeouts and socket errors. */
  errors: number;
  /** 2xx over the whole run, primers, warm-up and tail included (compare with the answers stored). */
  okWholeRun: number;
  /** Sockets the pool opened. */
  socketsOpened: number;
}

export interface OpenLoopOptions {
  host: string;
  port: number;
  path: string;
  rate: number;
  warmupSeconds: number;
  seconds: number;
  /** The pool's ceiling. */
  connections: number;
  /** A request not answered by then is an error (ms). */
  timeoutMs?: number;
  /** Request n (0, 1, 2, … across warm-up and window). */
  request: (n: number) => { body: string; headers: Record<string, string> };
  /**
   * Requests sent before the schedule starts, a few at a time, each waiting for its answer: the JIT,
   * the store's caches and the Web API client warm up without a backlog the open loop then has to
   * work off (near capacity a cold second's backlog takes many seconds to drain). They use request
   * numbers 0 … prime - 1; the schedule starts at `prime`.
   */
  prime?: number;
  /** Called as the window opens and closes. */
  onWindow?: (edge: 'start' | 'end') => Promise<void>;
}

interface Outcome {
  scheduled: number;
  sent: number;
  done: number;
  status: number;
}

function percentile(sorted: number[], p: number): number {
  return sorted.length === 0 ? 0 : sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * p))]!;
}

export async function openLoop(options: OpenLoopOptions): Promise<OpenLoopResult> {
  const timeoutMs = options.timeoutMs ?? 10_000;
  const agent = new Agent({ keepAlive: true, maxSockets: options.connections, scheduling: 'lifo' });
  let socketsOpened = 0;
  const outcomes: Outcome[] = [];
  let outstanding = 0;
  let allSettled: (() => void) | undefined;

  const fire = (n: number, scheduled: number) => {
    const { body, headers } = options.request(n);
    const outcome: Outcome = { scheduled, sent: performance.now(), done: 0, status: 0 };
    outcomes.push(outcome);
    outstanding++;
    const settle = (status: number) => {
      if (outcome.done) return;
      outcome.done = performance.now();
      outcome.status = status;
      if (--outstanding === 0) allSettled?.();
    };
    const req = request({ host: options.host, port: options.port, path: options.path, method: 'POST', agent, headers: { ...headers, 'content-length': Buffer.byteLength(body) } }, (res) => {
      res.resume();
      res.on('end', () => settle(res.statusCode ?? 0));
      res.on('error', () => settle(-1));
    });
    req.on('socket', (socket) => {
      if (!(socket as { counted?: boolean }).counted) {
        (socket as { counted?: boolean }).counted = true;
        socketsOpened++;
      }
    });
    req.setTimeout(timeoutMs, () => req.destroy(new Error('timed out')));
    req.on('error', () => settle(-1));
    req.end(body);
  };

  const prime = options.prime ?? 0;
  let primed = 0;
  let primedOk = 0;
  const primer = async () => {
    while (primed < prime) {
      const n = primed++;
      await new Promise<void>((resolve) => {
        const { body, headers } = options.request(n);
        const req = request({ host: options.host, port: options.port, path: options.path, method: 'POST', agent, headers: { ...headers, 'content-length': Buffer.byteLength(body) } }, (res) => {
          res.resume();
          res.on('end', () => {
            if (res.statusCode && res.statusCode >= 200 && res.statusCode < 300) primedOk++;
            resolve();
          });
          res.on('error', () => resolve());
        });
        req.setTimeout(timeoutMs, () => req.destroy(new Error('timed out')));
        req.on('error', () => resolve());
        req.end(body);
      });
    }
  };
  await Promise.all(Array.from({ length: 4 }, primer));

  const interval = 1000 / options.rate;
  const start = performance.now();
  const windowStart = start + options.warmupSeconds * 1000;
  const end = windowStart + options.seconds * 1000;
  let n = 0;
  let windowOpened = false;
  await new Promise<void>((resolve) => {
    const pace = () => {
      const now = performance.now();
      if (!windowOpened && now >= windowStart) {
        windowOpened = true;
        void options.onWindow?.('start');
      }
      for (let due = start + n * interval; due <= now && due < end; due = start + n * interval) fire(prime + n++, due);
      if (start + n * interval >= end) resolve();
      else setTimeout(pace, 1);
    };
    pace();
  });
  await options.onWindow?.('end');
  // The tail: everything sent is answered or times out.
  if (outstanding > 0) await new Promise<void>((resolve) => (allSettled = resolve));
  agent.destroy();

  const inWindow = (t: number) => t >= windowStart && t < end;
  const scheduledInWindow = outcomes.filter((o) => inWindow(o.scheduled));
  // A request never answered counts as at least the timeout: leaving it out would flatter an overloaded server.
  const latencies = scheduledInWindow.map((o) => (o.status > 0 ? o.done - o.scheduled : Math.max(timeoutMs, o.done - o.scheduled))).sort((a, b) => a - b);
  const doneInWindow = outcomes.filter((o) => o.status > 0 && inWindow(o.done));
  const ok = doneInWindow.filter((o) => o.status >= 200 && o.status < 300).length;
  return {
    p50: percentile(latencies, 0.5),
    p99: percentile(latencies, 0.99),
    max: latencies[latencies.length - 1] ?? 0,
    sentRate: outcomes.filter((o) => inWindow(o.sent)).length / options.seconds,
    answeredRate: doneInWindow.length / options.seconds,
    responses: doneInWindow.length,
    ok,
    non2xx: doneInWindow.length - ok,
    errors: scheduledInWindow.filter((o) => o.status < 0).length,
    okWholeRun: primedOk + outcomes.filter((o) => o.status >= 200 && o.status < 300).length,
    socketsOpened,
  };
}
