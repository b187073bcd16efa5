import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import pino from 'pino';
import { ActorCache } from '../../../src/app/people/actor-cache';
import { createTeamsBot } from '../../../src/bots/teams';
import { ManualClock, Staff } from '../../../src/domain';
import { createHttpApp } from '../../../src/http/app';
import type { Scheduler } from '../../../src/scheduler/scheduler';
import type { Store } from '../../../src/store/store';
import { FakeConnector, startFakeConnector } from '../../support/fake-connector';
import { FakeGraph } from '../../support/fake-graph';
import { session, tenant } from '../../support/fixtures';
import { startTestScheduler, virtualSleep } from '../../support/test-scheduler';
import { AAD_TENANT, BOT_ID, TENANT, cardText } from './teams-harness';

/**
 * Issue 29 item 1's world: ten staff of whom four never opened the bot, real botbuilder against the
 * fake connector, a fake Graph that installs the app (and tells the bot, as Teams does), the real scheduler.
 */
const MANIFEST_ID = '00000000-0000-4000-8000-00000000b07';
const CATALOG_ID = 'catalog-twilight';
const TOKEN = 'graph-test-token';
export const TITLE = 'Retrieval practice that sticks';

export interface World {
  store: Store;
  clock: ManualClock;
  connector: FakeConnector;
  graph: FakeGraph;
  scheduler: Scheduler;
  baseUrl: string;
  close(): Promise<void>;
}

export const personalChat = (aad: string) => `a:personal-${aad}`;

export function installActivity(world: { connector: FakeConnector; clock: ManualClock }, aad: string, name: string): Record<string, unknown> {
  return {
    type: 'conversationUpdate',
    channelId: 'msteams',
    serviceUrl: world.connector.url,
    id: `in-${aad}-${Math.random().toString(36).slice(2)}`,
    timestamp: world.clock.now().toISOString(),
    from: { id: `29:${aad}`, name, aadObjectId: aad },
    recipient: { id: BOT_ID, name: 'Twilight' },
    conversation: { id: personalChat(aad), conversationType: 'personal', tenantId: AAD_TENANT },
    channelData: { tenant: { id: AAD_TENANT } },
    membersAdded: [{ id: BOT_ID }, { id: `29:${aad}` }],
  };
}

export async function post(baseUrl: string, activity: Record<string, unknown>): Promise<void> {
  const res = await fetch(`${baseUrl}/api/messages`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(activity) });
  await res.text();
}

/** Ten staff; the first six have opened the bot (a stored chat), the last four never have. */
export const PEOPLE = Array.from({ length: 10 }, (_, i) => ({ id: `stf-${i}`, aad: `aad-${i}`, name: `Person ${String.fromCharCode(65 + i)}`, opened: i < 6 }));

export async function startWorld(openStore: (clock: ManualClock) => Promise<Store>, options: { waitMs?: number } = {}): Promise<World> {
  const clock = new ManualClock('2026-11-20T09:00:00.000Z');
  const actors = new ActorCache({ clock });
  const store = actors.watch(await openStore(clock));
  const connector = await startFakeConnector();
  const logger = pino({ level: process.env.TEST_LOG_LEVEL ?? 'silent' });
  let baseUrl = '';
  const graph = await new FakeGraph({
    token: TOKEN,
    manifestId: MANIFEST_ID,
    catalogId: CATALOG_ID,
    now: () => clock.now().getTime(),
    onInstalled: async (aad) => post(baseUrl, installActivity({ connector, clock }, aad, PEOPLE.find((p) => p.aad === aad)?.name ?? aad)),
  }).start();
  const bot = createTeamsBot({
    store,
    clock,
    logger,
    actors,
    config: {
      appType: 'MultiTenant',
      installForUsers: { manifestId: MANIFEST_ID, graphBaseUrl: graph.url, tokens: async (aadTenantId) => (aadTenantId === AAD_TENANT ? TOKEN : 'wrong-tenant'), sleep: virtualSleep(clock), waitMs: options.waitMs ?? 3000 },
    },
  });
  const app = createHttpApp({ store, logger, routers: [bot.router] });
  const server: Server = await new Promise((resolve) => {
    const s = app.listen(0, '127.0.0.1', () => resolve(s));
  });
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  await store.tenants.create({ ...tenant(TENANT), teamsTenantId: AAD_TENANT });
  for (const p of PEOPLE) {
    await store.staff.create(Staff.parse({ tenantId: TENANT, id: p.id, name: p.name, email: `${p.id}@school.example`, roles: ['staff'], teams: { aadObjectId: p.aad } }));
    if (p.opened) await post(baseUrl, installActivity({ connector, clock }, p.aad, p.name));
  }
  await store.sessions.create(session(TENANT, 'ses-1', { title: TITLE }));
  const scheduler = startTestScheduler({ store, clock }, [bot.sender]);
  return {
    store,
    clock,
    connector,
    graph,
    scheduler,
    baseUrl,
    async close() {
      await scheduler.stop();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await connector.stop();
      await graph.stop();
      await store.close();
    },
  };
}

export const invitationsTo = (w: World, aad: string) => w.connector.sentTo(personalChat(aad)).filter((a) => cardText(FakeConnector.card(a)).includes(TITLE));

