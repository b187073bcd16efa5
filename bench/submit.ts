/**
 * Submit benchmark: 100 connections of signed Slack view_submission (questionnaire modal) or
 * Teams adaptiveCard/action invokes against the real express server with the real bot on (a) the
 * embedded store and (b) a Cosmos-protocol server in its own process, and against a bare Bolt /
 * botbuilder app that stores nothing. Every request is a distinct person's first answer until the
 * seeded pairs run out; the table counts responses stored vs 2xx. The figures cover a window of
 * `--seconds` that opens `--warmup` seconds after the server holds all 100 connections
 * (support/measured-window.ts says why).
 *
 *   npx tsx bench/submit.ts [--seconds 20] [--warmup 2] [--platform slack|teams] [--store embedded|cosmos]
 *
 * --platform / --store run a subset (the bare row of each chosen platform always runs, for the ratio).
 *
 * Open loop (issue 15): answers arrive at fixed rates whatever our latency, as Slack's users do;
 * p99 ack latency per rate, and the capacity = the highest rate with p99 < 1 s (a third of Slack's
 * 3 s) and ≥ 95 % of it answered, searched upward past the asked rates (OPEN_LOOP_STEPS, to --max-rate):
 *
 *   npx tsx bench/submit.ts --open-loop 100,200,400 [--seconds 20] [--warmup 2] [--max-rate 3200] [--store …] [--platform slack|teams]
 *
 * Slack only unless --platform says otherwise. Each rate is a fresh server seeded with enough
 * pairs for every request to be a first answer (openLoopShape); support/open-loop.ts says how
 * the load is paced and why not autocannon's overallRate.
 * BENCH_CPU_PROF=<dir> writes a .cpuprofile per server process (see support/child.ts).
 */
import { loadavg } from 'node:os';
import { join } from 'node:path';
import { forkTs, type Child } from './support/child';
import { measureWindow } from './support/measured-window';
import { openLoop } from './support/open-loop';
import { SUBMIT_PATHS, submitRequest, type Platform } from './support/submit-requests';
import type { SubmitShape } from './support/submit-world';

type Mode = 'full' | 'bare';
type StoreKind = 'embedded' | 'cosmos';

export interface SubmitRow {
  platform: Platform;
  store: StoreKind | 'none';
  mode: Mode;
  p50: number;
  p99: number;
  rps: number;
  requests: number;
  ok: number;
  non2xx: number;
  /** Requests that got no answer within autocannon's 10 s. */
  errors: number;
  stored: number | undefined;
  idleRssMb: number;
  loadedRssMb: number;
  /** Server process CPU time per answered request (ms), post-ack work included. */
  cpuMsPerRequest: number;
  /** Seconds until the server had accepted all 100 connections (one per event-loop iteration). */
  rampSeconds: number;
}

/** Embedded answers thousands a second; the Cosmos emulator far fewer, so it gets fewer seeded pairs. */
export const SHAPES: Record<StoreKind, SubmitShape> = {
  embedded: { staff: 2000, questionnaires: 30 },
  cosmos: { staff: 500, questionnaires: 20 },
};
const mb = (bytes: number) => Math.round(bytes / 1048576);

/** After the server holds all 100 connections: enough for the JIT and caches to settle before the window. */
export const DEFAULT_WARMUP_SECONDS = 2;

export async function runOne(
  platform: Platform,
  mode: Mode,
  store: StoreKind,
  seconds: number,
  env: { slackApiUrl: string; cosmosEndpoint?: string },
  warmupSeconds = DEFAULT_WARMUP_SECONDS,
): Promise<SubmitRow> {
  const shape = SHAPES[store];
  const server: Child = forkTs(join(__dirname, 'support', 'submit-server.ts'), [platform, mode, store, JSON.stringify({ ...shape, ...env })]);
  try {
    const { port } = await server.first<{ port: number }>('port');
    await new Promise((r) => setTimeout(r, 1000));
    const idle = (await server.ask<{ rss: number }>('rss', 'rss')).rss;
    let peak = idle;
    const sampler = setInterval(() => void server.ask<{ rss: number }>('rss', 'rss').then(({ rss }) => (peak = Math.max(peak, rss))), 500);
    const cpu: Record<'start' | 'end', number> = { start: 0, end: 0 };
    let n = 0;
    const result = await measureWindow({
      url: `http://127.0.0.1:${port}`,
      path: SUBMIT_PATHS[platform],
      connections: 100,
      seconds,
      warmupSeconds,
      request: () => submitRequest(platform, n++, shape),
      serverConnections: async () => (await server.ask<{ connections: number }>('connections', 'connections')).connections,
      onWindow: async (edge) => {
        cpu[edge] = (await server.ask<{ cpu: number }>('cpu', 'cpu')).cpu;
      },
    });
    clearInterval(sampler);
    await server.ask('drain', 'drained');
    const stored = mode === 'full' ? (await server.ask<{ stored: number }>('stored', 'stored')).stored : undefined;
    return {
      platform,
      store: mode === 'bare' ? 'none' : store,
      mode,
      p50: Math.round(result.p50),
      p99: Math.round(result.p99),
      rps: Math.round(result.rps),
      requests: result.responses,
      ok: result.ok,
      non2xx: result.non2xx,
      errors: result.timeouts,
      stored,
      idleRssMb: mb(idle),
      loadedRssMb: mb(peak),
      // Post-ack work (Slack's chat.update) of the window's requests runs inside it too, give or take the edges.
      cpuMsPerRequest: (cpu.end - cpu.start) / 1000 / Math.max(1, result.responses),
      rampSeconds: result.rampSeconds,
    };
  } finally {
    await server.stop();
  }
}

export interface SubmitSelection {
  platforms: readonly Platform[];
  stores: readonly StoreKind[];
}

const EVERYTHING: SubmitSelection = { platforms: ['slack', 'teams'], stores: ['embedded', 'cosmos'] };

/** The fake Slack Web API, and the emulator only when a Cosmos row runs (a third process on the same cores); run, then stopped. */
async function withSupportProcesses<T>(selection: SubmitSelection, run: (env: { slackApiUrl: string; cosmosEndpoint?: string }) => Promise<T>): Promise<T> {
  const slackApiProcess = forkTs(join(__dirname, 'support', 'slack-api-process.ts'), []);
  const cosmos = selection.stores.includes('cosmos') ? forkTs(join(__dirname, 'support', 'cosmos-process.ts'), []) : undefined;
  try {
    const { apiUrl } = await slackApiProcess.first<{ apiUrl: string }>('apiUrl');
    const endpoint = cosmos ? (await cosmos.first<{ endpoint: string }>('endpoint')).endpoint : undefined;
    return await run({ slackApiUrl: apiUrl, ...(endpoint ? { cosmosEndpoint: endpoint } : {}) });
  } finally {
    await cosmos?.stop();
    await slackApiProcess.stop();
  }
}

export async function runSubmitBench(seconds: number, selection: SubmitSelection = EVERYTHING, warmupSeconds = DEFAULT_WARMUP_SECONDS): Promise<SubmitRow[]> {
  return withSupportProcesses(selection, async (env) => {
    const rows: SubmitRow[] = [];
    for (const platform of selection.platforms) {
      rows.push(await runOne(platform, 'bare', 'embedded', seconds, { slackApiUrl: env.slackApiUrl }, warmupSeconds));
      for (const store of selection.stores) rows.push(await runOne(platform, 'full', store, seconds, env, warmupSeconds));
    }
    return rows;
  });
}

export function submitTable(rows: SubmitRow[], seconds: number): string {
  const bare = (p: Platform) => rows.find((r) => r.platform === p && r.mode === 'bare')!;
  const lines = [
    `submit: 100 connections, a ${seconds} s window once all are accepted, autocannon on loopback (goals: p99 < 100 ms embedded, < 300 ms Cosmos; throughput ratio to bare ≥ 0.7)`,
    '| platform | store | p50 ms | p99 ms | req/s | ratio to bare | server CPU ms/req | requests | 2xx | non-2xx | timeouts | answers stored | 100 connections accepted after s | idle RSS MB | loaded RSS MB |',
    '|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|',
  ];
  for (const r of rows) {
    const ratio = r.mode === 'bare' ? '1.00' : (r.rps / bare(r.platform).rps).toFixed(2);
    lines.push(
      `| ${r.platform} | ${r.mode === 'bare' ? 'bare (stores nothing)' : r.store} | ${r.p50} | ${r.p99} | ${r.rps} | ${ratio} | ${r.cpuMsPerRequest.toFixed(2)} | ${r.requests} | ${r.ok} | ${r.non2xx} | ${r.errors} | ${r.stored ?? '-'} | ${r.rampSeconds.toFixed(1)} | ${r.idleRssMb} | ${r.loadedRssMb} |`,
    );
  }
  return lines.join('\n');
}

// ---------------------------------------------------------------------------------------------
// Open loop (issue 15): answers arrive at a fixed rate whatever our latency (support/open-loop.ts).

export interface OpenLoopRow {
  platform: Platform;
  store: StoreKind | 'none';
  mode: Mode;
  asked: number;
  /** Answered per second in the window. */
  achieved: number;
  /** Left the load generator per second in the window. */
  sent: number;
  p50: number;
  p99: number;
  max: number;
  non2xx: number;
  errors: number;
  okWholeRun: number;
  stored: number | undefined;
  sockets: number;
  cpuMsPerRequest: number;
  /** The machine's 1-minute load average as the row ended (2 cores, shared with other runs). */
  load: number;
}

/** What the capacity search needs of a row: p99 under a third of Slack's 3 s, and the rate really reached. */
export const OPEN_LOOP_P99_LIMIT_MS = 1000;
const passes = (r: OpenLoopRow) => r.p99 < OPEN_LOOP_P99_LIMIT_MS && r.achieved >= 0.95 * r.asked;

/** First answers sent four at a time before the schedule starts (support/open-loop.ts `prime`). */
export const OPEN_LOOP_PRIME = 400;

/** Rates tried above the asked ones while p99 stays under 1 s, up to `maxRate`. */
export const OPEN_LOOP_STEPS = [600, 800, 1200, 1600, 2400, 3200];

/** Enough distinct person × questionnaire pairs for every request of the run to be a first answer. */
export function openLoopShape(store: StoreKind, rate: number, runSeconds: number, prime: number): SubmitShape {
  const base = SHAPES[store];
  const needed = prime + Math.ceil(rate * runSeconds * 1.02) + 100;
  return { staff: base.staff, questionnaires: Math.max(base.questionnaires, Math.ceil(needed / base.staff)) };
}

export async function runOpenLoopOne(
  platform: Platform,
  mode: Mode,
  store: StoreKind,
  rate: number,
  seconds: number,
  warmupSeconds: number,
  env: { slackApiUrl: string; cosmosEndpoint?: string },
): Promise<OpenLoopRow> {
  const prime = OPEN_LOOP_PRIME;
  const shape = openLoopShape(store, rate, warmupSeconds + seconds, prime);
  const server: Child = forkTs(join(__dirname, 'support', 'submit-server.ts'), [platform, mode, store, JSON.stringify({ ...shape, ...env })]);
  try {
    const { port } = await server.first<{ port: number }>('port');
    await new Promise((r) => setTimeout(r, 500));
    const cpu: Record<'start' | 'end', number> = { start: 0, end: 0 };
    const result = await openLoop({
      host: '127.0.0.1',
      port,
      path: SUBMIT_PATHS[platform],
      rate,
      seconds,
      warmupSeconds,
      prime,
      // Enough sockets for every request of a second to be out at 1 s latency: the pool never holds one back below that.
      connections: Math.max(50, rate),
      request: (n) => submitRequest(platform, n, shape),
      onWindow: async (edge) => {
        cpu[edge] = (await server.ask<{ cpu: number }>('cpu', 'cpu')).cpu;
      },
    });
    await server.ask('drain', 'drained');
    const stored = mode === 'full' ? (await server.ask<{ stored: number }>('stored', 'stored')).stored : undefined;
    return {
      platform,
      store: mode === 'bare' ? 'none' : store,
      mode,
      asked: rate,
      achieved: Math.round(result.answeredRate),
      sent: Math.round(result.sentRate),
      p50: Math.round(result.p50),
      p99: Math.round(result.p99),
      max: Math.round(result.max),
      non2xx: result.non2xx,
      errors: result.errors,
      okWholeRun: result.okWholeRun,
      stored,
      sockets: result.socketsOpened,
      cpuMsPerRequest: (cpu.end - cpu.start) / 1000 / Math.max(1, result.responses),
      load: loadavg()[0]!,
    };
  } finally {
    await server.stop();
  }
}

export interface OpenLoopOptions {
  rates: readonly number[];
  seconds: number;
  warmupSeconds?: number;
  /** The capacity search stops here (default 3,200/s). */
  maxRate?: number;
  selection?: SubmitSelection;
  /** Each row as it finishes (a long run shows progress). */
  onRow?: (row: OpenLoopRow) => void;
}

/**
 * For each platform: bare, then each store. Every asked rate runs; then, if the highest one
 * passed (p99 < 1 s, achieved ≥ 95 %), the next of OPEN_LOOP_STEPS until one fails or maxRate;
 * then once the midpoint between the highest pass and the first failure above it.
 */
export async function runOpenLoopBench(options: OpenLoopOptions): Promise<OpenLoopRow[]> {
  const selection = options.selection ?? { platforms: ['slack'], stores: EVERYTHING.stores };
  const warmup = options.warmupSeconds ?? DEFAULT_WARMUP_SECONDS;
  const maxRate = options.maxRate ?? 3200;
  const asked = [...options.rates].sort((a, b) => a - b);
  return withSupportProcesses(selection, async (support) => {
    const rows: OpenLoopRow[] = [];
    for (const platform of selection.platforms) {
      const targets: { mode: Mode; store: StoreKind }[] = [{ mode: 'bare', store: 'embedded' }, ...selection.stores.map((store) => ({ mode: 'full' as const, store }))];
      for (const { mode, store } of targets) {
        const env = mode === 'full' ? support : { slackApiUrl: support.slackApiUrl };
        const run = async (rate: number) => {
          const row = await runOpenLoopOne(platform, mode, store, rate, options.seconds, warmup, env);
          rows.push(row);
          options.onRow?.(row);
          return row;
        };
        const mine: OpenLoopRow[] = [];
        for (const rate of asked) mine.push(await run(rate));
        const top = asked[asked.length - 1] ?? 0;
        for (const rate of OPEN_LOOP_STEPS.filter((r) => r > top && r <= maxRate)) {
          if (!passes(mine[mine.length - 1]!)) break;
          mine.push(await run(rate));
        }
        // One step of bisection between the highest pass and the first failure above it (to 50/s), so that
        // two capacities a step apart are not both read as the lower one.
        const best = Math.max(0, ...mine.filter(passes).map((r) => r.asked));
        const firstFail = Math.min(...mine.filter((r) => r.asked > best && !passes(r)).map((r) => r.asked));
        const mid = Math.round((best + firstFail) / 100) * 50;
        if (best > 0 && Number.isFinite(firstFail) && mid > best && mid < firstFail) mine.push(await run(mid));
      }
    }
    return rows;
  });
}

const storeLabel = (r: { mode: Mode; store: StoreKind | 'none' }) => (r.mode === 'bare' ? 'bare (stores nothing)' : r.store);

export function openLoopRowLine(r: OpenLoopRow): string {
  const short = r.achieved < 0.95 * r.asked ? ' ⚠ < 95%' : '';
  const slow = r.p99 >= OPEN_LOOP_P99_LIMIT_MS ? ' (≥ 1 s)' : '';
  return `| ${r.platform} | ${storeLabel(r)} | ${r.asked} | ${r.achieved}${short} | ${r.sent} | ${r.p50} | ${r.p99}${slow} | ${r.max} | ${r.non2xx} | ${r.errors} | ${r.okWholeRun} | ${r.stored ?? '-'} | ${r.sockets} | ${r.cpuMsPerRequest.toFixed(2)} | ${r.load.toFixed(1)} |`;
}

/** Rows grouped by platform, bare / store as first run, each group by asked rate (the bisection step runs last). */
function sortedByTarget(rows: OpenLoopRow[]): OpenLoopRow[] {
  const key = (r: OpenLoopRow) => `${r.platform}/${r.mode}/${r.store}`;
  const order = [...new Set(rows.map(key))];
  return [...rows].sort((a, b) => order.indexOf(key(a)) - order.indexOf(key(b)) || a.asked - b.asked);
}

/** The table, then per platform and store the capacity (highest passing asked rate), its ratio to bare's, and the goals. */
export function openLoopTable(rows: OpenLoopRow[], seconds: number, warmupSeconds = DEFAULT_WARMUP_SECONDS): string {
  const lines = [
    `submit, open loop (support/open-loop.ts): ${OPEN_LOOP_PRIME} first answers 4 at a time, then answers arrive at the asked rate; the window is ${seconds} s after ${warmupSeconds} s at that rate.`,
    "Latency runs from each request's scheduled time, over a pool of up to max(50, rate) keep-alive sockets; achieved = answered per second in the window (⚠ below 95 % of asked);",
    'errors = scheduled in the window and not answered in 10 s (counted in p99 as ≥ 10 s); "2xx whole run" includes the primers; load avg = 1-minute load of the 2 shared cores as the row ended.',
    '| platform | store | asked/s | achieved/s | sent/s | p50 ms | p99 ms | max ms | non-2xx | errors | 2xx whole run | answers stored | sockets opened | server CPU ms/req | load avg |',
    '|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|',
    ...sortedByTarget(rows).map(openLoopRowLine),
    '',
  ];
  // Highest passing asked rate; "≥" when the highest rate tried passed too (the search stopped at its cap).
  const capacityOf = (sel: OpenLoopRow[]) => {
    const best = Math.max(0, ...sel.filter(passes).map((r) => r.asked));
    const top = sel.reduce((a, b) => (b.asked > a.asked ? b : a));
    return { best, atLeast: passes(top) };
  };
  for (const platform of [...new Set(rows.map((r) => r.platform))]) {
    const bareRows = rows.filter((r) => r.platform === platform && r.mode === 'bare');
    const bare = capacityOf(bareRows);
    lines.push(`capacity (highest asked rate with p99 < 1 s and achieved ≥ 95 %): ${platform} bare ${bare.atLeast ? '≥ ' : ''}${bare.best}/s`);
    for (const store of [...new Set(rows.filter((r) => r.platform === platform && r.mode === 'full').map((r) => r.store))]) {
      const sel = rows.filter((r) => r.platform === platform && r.mode === 'full' && r.store === store);
      const cap = capacityOf(sel);
      const ratio = bare.best > 0 ? (cap.best / bare.best).toFixed(2) : '-';
      const at200 = sel.find((r) => r.asked === 200);
      const goalMs = store === 'cosmos' ? 150 : 50;
      const p99Goal = at200 ? `p99 at 200/s ${at200.p99} ms vs goal < ${goalMs} ms: ${at200.p99 < goalMs ? 'met' : 'NOT met'}` : 'no 200/s row';
      const ratioNote = bare.atLeast ? ' (bare passed every rate up to the cap: its capacity, and so this ratio, is not measured)' : '';
      lines.push(
        `capacity: ${platform} ${store} ${cap.atLeast ? '≥ ' : ''}${cap.best}/s, ratio to bare ${ratio}${ratioNote} vs goal ≥ 0.7: ${bare.best > 0 && cap.best / bare.best >= 0.7 ? 'met' : 'NOT met'}; ${p99Goal}`,
      );
    }
  }
  return lines.join('\n');
}

function argOf(name: string): string | undefined {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : undefined;
}

function oneOf<T extends string>(name: string, all: readonly T[]): readonly T[] {
  const value = argOf(name);
  if (value === undefined) return all;
  if (!(all as readonly string[]).includes(value)) throw new Error(`--${name} must be one of ${all.join(', ')}`);
  return [value as T];
}

if (require.main === module) {
  const seconds = Number(argOf('seconds') ?? 20);
  const warmup = Number(argOf('warmup') ?? DEFAULT_WARMUP_SECONDS);
  const openLoopRates = argOf('open-loop');
  if (openLoopRates !== undefined) {
    // Open loop measures Slack unless asked for Teams (whose bare app has no post-ack work to match).
    const selection = { platforms: argOf('platform') ? oneOf('platform', EVERYTHING.platforms) : (['slack'] as const), stores: oneOf('store', EVERYTHING.stores) };
    const rates = openLoopRates.split(',').map(Number);
    const maxRate = Number(argOf('max-rate') ?? 3200);
    if (rates.some((r) => !(r > 0))) throw new Error('--open-loop takes rates per second, e.g. 100,200,400');
    void runOpenLoopBench({ rates, seconds, warmupSeconds: warmup, maxRate, selection, onRow: (r) => console.error(openLoopRowLine(r)) }).then((rows) =>
      console.log(openLoopTable(rows, seconds, warmup)),
    );
  } else {
    const selection = { platforms: oneOf('platform', EVERYTHING.platforms), stores: oneOf('store', EVERYTHING.stores) };
    void runSubmitBench(seconds, selection, warmup).then((rows) => console.log(submitTable(rows, seconds)));
  }
}
