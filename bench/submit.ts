/**
 * Submit benchmark: 100 connections of signed Slack view_submission (questionnaire modal) or
 * Teams adaptiveCard/action invokes, for a fixed time, against the real express server with the
 * real bot on (a) the embedded store and (b) a Cosmos-protocol server in its own process, and
 * against a bare Bolt / botbuilder app that stores nothing. Every request is a distinct person's
 * first answer until the seeded pairs run out; the table counts responses stored vs 2xx.
 *
 *   npx tsx bench/submit.ts [--seconds 20] [--warmup 2] [--platform slack|teams] [--store embedded|cosmos]
 *
 * --platform / --store run a subset (the bare row of each chosen platform always runs, for the ratio).
 * BENCH_CPU_PROF=<dir> writes a .cpuprofile per server process (see support/child.ts).
 */
import { join } from 'node:path';
import autocannon from 'autocannon';
import { forkTs, type Child } from './support/child';
import { startQuietSlackApi } from './support/quiet-slack-api';
import { SUBMIT_PATHS, submitRequest, type Platform } from './support/submit-requests';
import { BENCH_SLACK_TEAM, type SubmitShape } from './support/submit-world';

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
  errors: number;
  stored: number | undefined;
  idleRssMb: number;
  loadedRssMb: number;
  /** Server process CPU time per answered request (ms), post-ack work included. */
  cpuMsPerRequest: number;
}

/** Embedded answers thousands a second; the Cosmos emulator far fewer, so it gets fewer seeded pairs. */
export const SHAPES: Record<StoreKind, SubmitShape> = {
  embedded: { staff: 2000, questionnaires: 30 },
  cosmos: { staff: 500, questionnaires: 6 },
};
/** `nextRequest` numbers the requests of one server across its warm-up and measured runs, so every pair is used once. */
async function load(port: number, platform: Platform, shape: SubmitShape, seconds: number, nextRequest: () => number): Promise<autocannon.Result> {
  return autocannon({
    url: `http://127.0.0.1:${port}`,
    connections: 100,
    duration: seconds,
    timeout: 10,
    requests: [
      {
        method: 'POST',
        path: SUBMIT_PATHS[platform],
        setupRequest: (req) => ({ ...req, ...submitRequest(platform, nextRequest(), shape) }),
      },
    ],
  });
}

const mb = (bytes: number) => Math.round(bytes / 1048576);

/**
 * Unmeasured load before each measured run. Without it the first 100 concurrent requests queue
 * behind lazy module loads and JIT compilation, and in a short run those ~100 cold requests are
 * the p99 (and drag the mean): a start-up figure, not the steady state the goals are about.
 */
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
    let n = 0;
    const nextRequest = () => n++;
    if (warmupSeconds > 0) await load(port, platform, shape, warmupSeconds, nextRequest);
    const cpuBefore = (await server.ask<{ cpu: number }>('cpu', 'cpu')).cpu;
    const result = await load(port, platform, shape, seconds, nextRequest);
    clearInterval(sampler);
    // Let work that runs after the ack (Slack's chat.update) finish before reading the CPU clock.
    await new Promise((r) => setTimeout(r, 500));
    const cpuAfter = (await server.ask<{ cpu: number }>('cpu', 'cpu')).cpu;
    const stored = mode === 'full' ? (await server.ask<{ stored: number }>('stored', 'stored')).stored : undefined;
    return {
      platform,
      store: mode === 'bare' ? 'none' : store,
      mode,
      p50: result.latency.p50,
      p99: result.latency.p99,
      rps: Math.round(result.requests.average),
      requests: result.requests.total,
      ok: result['2xx'],
      non2xx: result.non2xx,
      errors: result.errors + result.timeouts,
      stored,
      idleRssMb: mb(idle),
      loadedRssMb: mb(peak),
      cpuMsPerRequest: (cpuAfter - cpuBefore) / 1000 / Math.max(1, result.requests.total),
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

export async function runSubmitBench(seconds: number, selection: SubmitSelection = EVERYTHING, warmupSeconds = DEFAULT_WARMUP_SECONDS): Promise<SubmitRow[]> {
  const slackApi = await startQuietSlackApi(BENCH_SLACK_TEAM);
  // The emulator only when a Cosmos row runs: it is a third process on the same cores.
  const cosmos = selection.stores.includes('cosmos') ? forkTs(join(__dirname, 'support', 'cosmos-process.ts'), []) : undefined;
  const endpoint = cosmos ? (await cosmos.first<{ endpoint: string }>('endpoint')).endpoint : undefined;
  const rows: SubmitRow[] = [];
  try {
    for (const platform of selection.platforms) {
      rows.push(await runOne(platform, 'bare', 'embedded', seconds, { slackApiUrl: slackApi.apiUrl }, warmupSeconds));
      for (const store of selection.stores) {
        rows.push(await runOne(platform, 'full', store, seconds, { slackApiUrl: slackApi.apiUrl, ...(endpoint ? { cosmosEndpoint: endpoint } : {}) }, warmupSeconds));
      }
    }
  } finally {
    await cosmos?.stop();
    await slackApi.stop();
  }
  return rows;
}

export function submitTable(rows: SubmitRow[], seconds: number): string {
  const bare = (p: Platform) => rows.find((r) => r.platform === p && r.mode === 'bare')!;
  const lines = [
    `submit: 100 connections × ${seconds} s each, autocannon on loopback (goals: p99 < 100 ms embedded, < 300 ms Cosmos; throughput ratio to bare ≥ 0.7)`,
    '| platform | store | p50 ms | p99 ms | req/s | ratio to bare | server CPU ms/req | requests | 2xx | non-2xx | errors | answers stored | idle RSS MB | loaded RSS MB |',
    '|---|---|---|---|---|---|---|---|---|---|---|---|---|---|',
  ];
  for (const r of rows) {
    const ratio = r.mode === 'bare' ? '1.00' : (r.rps / bare(r.platform).rps).toFixed(2);
    lines.push(
      `| ${r.platform} | ${r.mode === 'bare' ? 'bare (stores nothing)' : r.store} | ${r.p50} | ${r.p99} | ${r.rps} | ${ratio} | ${r.cpuMsPerRequest.toFixed(2)} | ${r.requests} | ${r.ok} | ${r.non2xx} | ${r.errors} | ${r.stored ?? '-'} | ${r.idleRssMb} | ${r.loadedRssMb} |`,
    );
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
  const selection = { platforms: oneOf('platform', EVERYTHING.platforms), stores: oneOf('store', EVERYTHING.stores) };
  const warmup = Number(argOf('warmup') ?? DEFAULT_WARMUP_SECONDS);
  void runSubmitBench(seconds, selection, warmup).then((rows) => console.log(submitTable(rows, seconds)));
}
