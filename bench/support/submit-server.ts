/**
 * The server under load, in its own process so its RSS and CPU are its own:
 *   submit-server.ts <slack|teams> <full|bare> <embedded|cosmos> <json options>
 * "full" is the real bot (createTeamsBot / createSlackBot on createHttpApp) over the chosen store;
 * "bare" is the same receiver/adapter with a handler that stores nothing and answers at once (Slack:
 * then sends the same post-ack chat.update as the full bot).
 * Talks to the parent over IPC: {ready, port} out; "rss", "cpu", "connections", "drain", "stored" and "stop" in.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CosmosClient } from '@azure/cosmos';
import { App } from '@slack/bolt';
import { CloudAdapter, ConfigurationBotFrameworkAuthentication, TeamsActivityHandler, type AdaptiveCardInvokeResponse } from 'botbuilder';
import express, { type Router } from 'express';
import pino from 'pino';
import { ActorCache } from '../../src/app/people/actor-cache';
import { createSlackBot } from '../../src/bots/slack/create-slack-bot';
import { RouterReceiver } from '../../src/bots/slack/router-receiver';
import { createTeamsBot } from '../../src/bots/teams/create-teams-bot';
import { systemClock } from '../../src/domain/clock';
import { createHttpApp } from '../../src/http/app';
import { openCosmosStore } from '../../src/store/cosmos/cosmos-store';
import { bulkLoad } from '../../src/store/embedded/bulk-load';
import { openEmbeddedStore } from '../../src/store/embedded/sqlite-store';
import type { Store } from '../../src/store/store';
import { BENCH_TENANT, SIGNING_SECRET, seedThroughPort, submitSeed, type SubmitShape } from './submit-world';

const [platform, mode, storeKind, optionsJson] = process.argv.slice(2) as ['slack' | 'teams', 'full' | 'bare', 'embedded' | 'cosmos', string];
const options = JSON.parse(optionsJson) as SubmitShape & { slackApiUrl: string; cosmosEndpoint?: string };
const logger = pino({ level: 'silent' });
const clock = systemClock;

async function openStore(dir: string): Promise<Store> {
  const seed = submitSeed(options);
  if (storeKind === 'cosmos') {
    const client = new CosmosClient({ endpoint: options.cosmosEndpoint!, key: 'dGVzdA==', connectionPolicy: { enableEndpointDiscovery: false } });
    const store = await openCosmosStore({ client, databaseId: `bench-${process.pid}-${Date.now()}`, createIfMissing: true });
    if (mode === 'full') await seedThroughPort(store, seed);
    return store;
  }
  const path = join(dir, 'bench.db');
  await openEmbeddedStore({ path, clock }).close();
  if (mode === 'full') bulkLoad(path, seed);
  return openEmbeddedStore({ path, clock });
}

class BareTeamsHandler extends TeamsActivityHandler {
  protected override async onAdaptiveCardInvoke(): Promise<AdaptiveCardInvokeResponse> {
    return { statusCode: 200, type: 'application/vnd.microsoft.card.adaptive', value: { type: 'AdaptiveCard', version: '1.5', body: [{ type: 'TextBlock', text: 'Thank you' }] } as never };
  }
}

/** The bare Slack receiver, kept so "drain" can wait for its post-ack chat.update too. */
let bareSlackReceiver: RouterReceiver | undefined;

function bareRouter(): Router {
  if (platform === 'slack') {
    const receiver = new RouterReceiver({ signingSecret: SIGNING_SECRET, clock, logger });
    bareSlackReceiver = receiver;
    const app = new App({ token: 'xoxb-bench', receiver, logger: { debug() {}, info() {}, warn() {}, error() {}, setLevel() {}, getLevel: () => 'error' as never, setName() {} }, clientOptions: { slackApiUrl: options.slackApiUrl } });
    // As the full bot does after storing: ack, then chat.update the DM the modal came from (channel
    // and ts in private_metadata), so the ratio to bare leaves out the Web API call and counts only our work.
    app.view(/.*/, async ({ ack, body, client }) => {
      await ack();
      const { channel, ts } = JSON.parse(body.view.private_metadata) as { channel: string; ts: string };
      await client.chat.update({ channel, ts, text: 'Thank you: your answers are saved.', blocks: [{ type: 'section', text: { type: 'mrkdwn', text: 'Thank you: your answers are saved.' } }] });
    });
    return receiver.router;
  }
  const adapter = new CloudAdapter(new ConfigurationBotFrameworkAuthentication({ MicrosoftAppId: '', MicrosoftAppType: 'MultiTenant' }));
  const handler = new BareTeamsHandler();
  const router = express.Router();
  router.post('/api/messages', express.json({ limit: '256kb' }), async (req, res) => {
    await adapter.process(req, res, (context) => handler.run(context));
  });
  return router;
}

async function main(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'twilight-submit-'));
  // As main.ts composes it: the bots cache resolved people; every write goes through the watched store.
  const actors = new ActorCache({ clock });
  const store = actors.watch(await openStore(dir));
  const deps = { store, clock, logger, actors };
  const slack =
    mode === 'full' && platform === 'slack'
      ? createSlackBot({ ...deps, config: { botToken: 'xoxb-bench', signingSecret: SIGNING_SECRET, slackApiUrl: options.slackApiUrl, defaultTenantId: BENCH_TENANT } })
      : undefined;
  const router = mode === 'bare' ? bareRouter() : (slack?.router ?? createTeamsBot({ ...deps, config: { appType: 'MultiTenant', defaultTenantId: BENCH_TENANT } }).router);
  const app = createHttpApp({ store, logger, routers: [router] });
  const server: Server = await new Promise((resolve) => {
    const s = app.listen(0, '127.0.0.1', () => resolve(s));
  });
  server.keepAliveTimeout = 30_000;
  process.on('message', (message: string) => {
    void (async () => {
      if (message === 'rss') process.send!({ rss: process.memoryUsage().rss });
      // CPU time of this process (µs, user + system): on a shared machine a steadier figure than req/s.
      if (message === 'cpu') {
        const { user, system } = process.cpuUsage();
        process.send!({ cpu: user + system });
      }
      if (message === 'connections') server.getConnections((_error, connections) => process.send!({ connections }));
      // Waits for work still running after the ack (Slack's chat.update) to finish.
      if (message === 'drain') {
        await (slack ?? bareSlackReceiver)?.drain();
        process.send!({ drained: true });
      }
      if (message === 'stored') process.send!({ stored: await store.responses.count(BENCH_TENANT) });
      if (message === 'stop') {
        server.closeAllConnections();
        server.close();
        await store.close();
        rmSync(dir, { recursive: true, force: true });
        process.exit(0);
      }
    })();
  });
  process.send!({ ready: true, port: (server.address() as AddressInfo).port });
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
