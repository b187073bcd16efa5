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
 * BENCH_CPU_PROF=<dir> writes a .cpuprofile per server process (see support/child.ts).
 */
import { join } from 'node:path';
import { forkTs, type Child } from './support/child';
import { measureWindow } from './support/measured-window';
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

export async function runSubmitBench(seconds: number, selection: SubmitSelection = EVERYTHING, warmupSeconds = DEFAULT_WARMUP_SECONDS): Promise<SubmitRow[]> {
  const slackApiProcess = forkTs(join(__dirname, 'support', 'slack-api-process.ts'), []);
  const slackApi = await slackApiProcess.first<{ apiUrl: string }>('apiUrl');
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
    await slackApiProcess.stop();
  }
  return rows;
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
