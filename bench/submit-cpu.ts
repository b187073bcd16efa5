/**
 * Server CPU time per submission, a figure that stays comparable on a shared machine where
 * req/s and latency swing with everyone else's load:
 *
 *   npx tsx bench/submit-cpu.ts [--platform slack|teams] [--mode full|bare] [--store embedded|cosmos]
 *                               [--batches 12] [--batch 200] [--concurrency 8]
 *
 * Forks the same server as bench/submit.ts, sends batches of requests at a small fixed
 * concurrency, waits for the post-ack work to drain, and reads the server process's CPU time
 * around each batch. Prints the minimum and median over the batches (the first is warm-up and
 * dropped). The minimum is the least disturbed by other processes. Not a throughput figure.
 */
import http from 'node:http';
import { join } from 'node:path';
import { forkTs } from './support/child';
import { SUBMIT_PATHS, submitRequest, type Platform } from './support/submit-requests';
import { SHAPES } from './submit';

function argOf(name: string, fallback: string): string {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1]! : fallback;
}

const platform = argOf('platform', 'slack') as Platform;
const mode = argOf('mode', 'full') as 'full' | 'bare';
const storeKind = argOf('store', 'embedded') as 'embedded' | 'cosmos';
const batches = Number(argOf('batches', '12'));
const batchSize = Number(argOf('batch', '200'));
const concurrency = Number(argOf('concurrency', '8'));

function post(agent: http.Agent, port: number, n: number): Promise<number> {
  const { body, headers } = submitRequest(platform, n, SHAPES[storeKind]);
  return new Promise((resolve, reject) => {
    const req = http.request({ host: '127.0.0.1', port, path: SUBMIT_PATHS[platform], method: 'POST', agent, headers: { ...headers, 'content-length': Buffer.byteLength(body) } }, (res) => {
      res.resume();
      res.on('end', () => resolve(res.statusCode ?? 0));
    });
    req.on('error', reject);
    req.end(body);
  });
}

async function main(): Promise<void> {
  const slackApiProcess = forkTs(join(__dirname, 'support', 'slack-api-process.ts'), []);
  const slackApi = await slackApiProcess.first<{ apiUrl: string }>('apiUrl');
  const cosmos = storeKind === 'cosmos' ? forkTs(join(__dirname, 'support', 'cosmos-process.ts'), []) : undefined;
  const cosmosEndpoint = cosmos ? (await cosmos.first<{ endpoint: string }>('endpoint')).endpoint : undefined;
  const server = forkTs(join(__dirname, 'support', 'submit-server.ts'), [platform, mode, storeKind, JSON.stringify({ ...SHAPES[storeKind], slackApiUrl: slackApi.apiUrl, ...(cosmosEndpoint ? { cosmosEndpoint } : {}) })]);
  const agent = new http.Agent({ keepAlive: true, maxSockets: concurrency });
  const perRequest: number[] = [];
  type Usage = { cpuMicros: number; requests: number; busyMs: number };
  const emulator: { cpuMs: number; requests: number; busyMs: number }[] = [];
  const usage = async () => (cosmos ? (await cosmos.ask<{ usage: Usage }>('usage', 'usage')).usage : undefined);
  try {
    const { port } = await server.first<{ port: number }>('port');
    let n = 0;
    for (let b = 0; b <= batches; b++) {
      const before = (await server.ask<{ cpu: number }>('cpu', 'cpu')).cpu;
      const emulatorBefore = await usage();
      const end = n + batchSize;
      await Promise.all(
        Array.from({ length: concurrency }, async () => {
          while (n < end) {
            const status = await post(agent, port, n++);
            if (status !== 200) throw new Error(`request answered ${status}`);
          }
        }),
      );
      await server.ask('drain', 'drained');
      const after = (await server.ask<{ cpu: number }>('cpu', 'cpu')).cpu;
      const emulatorAfter = await usage();
      if (b > 0) perRequest.push((after - before) / 1000 / batchSize);
      if (b > 0 && emulatorBefore && emulatorAfter) {
        emulator.push({
          cpuMs: (emulatorAfter.cpuMicros - emulatorBefore.cpuMicros) / 1000 / batchSize,
          requests: (emulatorAfter.requests - emulatorBefore.requests) / batchSize,
          busyMs: (emulatorAfter.busyMs - emulatorBefore.busyMs) / batchSize,
        });
      }
    }
  } finally {
    agent.destroy();
    await server.stop();
    await cosmos?.stop();
    await slackApiProcess.stop();
  }
  const sorted = [...perRequest].sort((x, y) => x - y);
  const median = sorted[Math.floor(sorted.length / 2)]!;
  console.log(`${platform} ${mode} ${storeKind}: server CPU per request min ${sorted[0]!.toFixed(3)} ms, median ${median.toFixed(3)} ms (${batches} batches of ${batchSize}, concurrency ${concurrency})`);
  if (emulator.length > 0) {
    // The bot's figures (its CPU, its operations) hold for a real account; the emulator's CPU and time are this machine's stand-in.
    const med = (pick: (e: (typeof emulator)[number]) => number) => [...emulator].map(pick).sort((x, y) => x - y)[Math.floor(emulator.length / 2)]!;
    console.log(
      `  cosmosdb-server apart (medians per request): ${med((e) => e.requests).toFixed(1)} store operations, its CPU ${med((e) => e.cpuMs).toFixed(3)} ms, its time answering them ${med((e) => e.busyMs).toFixed(1)} ms (summed over the operations; the part of each answer's latency spent inside the emulator)`,
    );
  }
}

void main();
