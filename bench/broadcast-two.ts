/**
 * Two bot processes, one Cosmos account (issue 28, item 5): both dispatch one tenant's broadcast
 * from the same cosmosdb-server (its own process) through the rate-limited platform fake (Teams:
 * 50/s per app per tenant). Run twice: each process with only its own rate limiter (as before),
 * then sharing the tenant's rate through the store (shared-send-budget.ts). Prints the combined
 * rate against the ceiling, 429s, lost and duplicated.
 *
 *   npx tsx bench/broadcast-two.ts [--recipients 5000] [--only shared|own]
 *
 * Real time: 5,000 at 50/s take at least 100 s per run.
 */
import { CosmosClient } from '@azure/cosmos';
import { join } from 'node:path';
import { DOCUMENTED_LIMITS, sustainedRate } from '../src/scheduler/send/rate-limits';
import { openCosmosStore } from '../src/store/cosmos/cosmos-store';
import { startRateLimitedPlatform } from '../test/support/rate-limited-platform';
import { forkTs } from './support/child';
import { seedBroadcast } from './support/broadcast-world';

function arg(name: string, fallback: string): string {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 && process.argv[i + 1] ? process.argv[i + 1]! : fallback;
}

const TENANT = 'trust-shared';
const PREFIX = 'p';

async function runOnce(endpoint: string, recipients: number, share: boolean): Promise<string> {
  const databaseId = `two-${share ? 'shared' : 'own'}-${Date.now()}`;
  const client = new CosmosClient({ endpoint, key: 'dGVzdA==', connectionPolicy: { enableEndpointDiscovery: false } });
  const seeding = await openCosmosStore({ client, databaseId, createIfMissing: true });
  await seedBroadcast(seeding, recipients, TENANT, PREFIX);
  await seeding.close();
  client.dispose();
  const platform = await startRateLimitedPlatform();
  const instances = ['a', 'b'].map((name) =>
    forkTs(join(__dirname, 'support', 'broadcast-instance.ts'), [JSON.stringify({ endpoint, databaseId, platformUrl: platform.url, tenantId: TENANT, prefix: PREFIX, share, name: `instance-${name}` })]),
  );
  await Promise.all(instances.map((i) => i.first('ready')));
  // Both start at the same moment.
  const done = instances.map((i) => i.ask<{ summary: Record<string, number> }>('go', 'summary'));
  const summaries = (await Promise.all(done)).map((d) => d.summary);
  const ceiling = sustainedRate(DOCUMENTED_LIMITS.teams);
  const span = ((platform.stats.lastAt ?? 0) - (platform.stats.firstAt ?? 0)) / 1000;
  const rate = (platform.stats.accepted - 1) / span;
  const lost = recipients - platform.received.size;
  const duplicates = [...platform.received.values()].reduce((sum, c) => sum + Math.max(0, c - 1), 0);
  await platform.stop();
  const sent = summaries.map((s) => s.sent).join(' + ');
  return `| ${share ? 'shared through the store (after)' : 'each its own limiter (before)'} | ${recipients} | ${rate.toFixed(2)} | ${(rate / ceiling).toFixed(3)} | ${platform.stats.limited} | ${lost} | ${duplicates} | ${sent} |`;
}

async function main(): Promise<void> {
  const recipients = Number(arg('recipients', '5000'));
  const only = arg('only', 'both');
  const cosmos = forkTs(join(__dirname, 'support', 'cosmos-process.ts'), []);
  try {
    const { endpoint } = await cosmos.first<{ endpoint: string }>('endpoint');
    const rows: string[] = [];
    if (only !== 'shared') rows.push(await runOnce(endpoint, recipients, false));
    if (only !== 'own') rows.push(await runOnce(endpoint, recipients, true));
    console.log('two bot processes, one cosmosdb-server, one tenant\'s broadcast, Teams 50/s per app per tenant (goal: combined ≥ 0.9 of 50/s, 0 lost, 0 duplicated)');
    console.log('| rate limit | recipients | combined msg/s | / 50 per s | 429s | lost | duplicates | sent by each |\n|---|---|---|---|---|---|---|---|');
    for (const r of rows) console.log(r);
  } finally {
    await cosmos.stop();
  }
}

void main();
