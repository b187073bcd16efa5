import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import pino from 'pino';
import { ActorCache } from '../../../src/app/people/actor-cache';
import { invitationReach, invitationReachText } from '../../../src/app/sessions';
import { createTeamsBot } from '../../../src/bots/teams';
import { deliveryId, ManualClock, Staff } from '../../../src/domain';
import { createHttpApp } from '../../../src/http/app';
import type { Scheduler } from '../../../src/scheduler/scheduler';
import type { Store } from '../../../src/store/store';
import { onBothStores } from '../../support/both-stores';
import { FakeConnector, startFakeConnector } from '../../support/fake-connector';
import { FakeGraph } from '../../support/fake-graph';
import { session, tenant } from '../../support/fixtures';
import { startTestScheduler, virtualSleep } from '../../support/test-scheduler';
import { AAD_TENANT, BOT_ID, TENANT, cardText } from './teams-harness';

/**
 * Issue 29 item 1: a broadcast reaches people who never opened the bot by installing the app for
 * them through Graph (a local fake answering as Graph does), real botbuilder against the fake
 * connector, and the real scheduler, on both stores.
 */
const MANIFEST_ID = '00000000-0000-4000-8000-00000000b07';
const CATALOG_ID = 'catalog-twilight';
const TOKEN = 'graph-test-token';
const TITLE = 'Retrieval practice that sticks';

interface World {
  store: Store;
  clock: ManualClock;
  connector: FakeConnector;
  graph: FakeGraph;
  scheduler: Scheduler;
  baseUrl: string;
  close(): Promise<void>;
}

const personalChat = (aad: string) => `a:personal-${aad}`;

function installActivity(world: { connector: FakeConnector; clock: ManualClock }, aad: string, name: string): Record<string, unknown> {
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

async function post(baseUrl: string, activity: Record<string, unknown>): Promise<void> {
  const res = await fetch(`${baseUrl}/api/messages`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(activity) });
  await res.text();
}

/** Ten staff; the first six have opened the bot (a stored chat), the last four never have. */
const PEOPLE = Array.from({ length: 10 }, (_, i) => ({ id: `stf-${i}`, aad: `aad-${i}`, name: `Person ${String.fromCharCode(65 + i)}`, opened: i < 6 }));

async function startWorld(openStore: (clock: ManualClock) => Promise<Store>): Promise<World> {
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
      installForUsers: { manifestId: MANIFEST_ID, graphBaseUrl: graph.url, tokens: async (aadTenantId) => (aadTenantId === AAD_TENANT ? TOKEN : 'wrong-tenant'), sleep: virtualSleep(clock), waitMs: 3000 },
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

const invitationsTo = (w: World, aad: string) => w.connector.sentTo(personalChat(aad)).filter((a) => cardText(FakeConnector.card(a)).includes(TITLE));

onBothStores('install-for-users', (label, openStore, done) => {
  describe(`installing the Teams app for people who never opened it (${label})`, () => {
    afterAll(done);

    it('with the permission granted, a broadcast to 10 of whom 4 have no chat reaches all 10; the lead sees 4 installed for', async () => {
      const w = await startWorld(openStore);
      try {
        await w.scheduler.runOnce();
        for (const p of PEOPLE) expect(invitationsTo(w, p.aad)).toHaveLength(1);
        expect([...w.graph.installedFor].sort()).toEqual(PEOPLE.filter((p) => !p.opened).map((p) => p.aad));
        // The catalog id is looked up once, then kept.
        expect(w.graph.requests.filter((r) => r.method === 'GET')).toHaveLength(1);
        for (const p of PEOPLE) {
          const d = (await w.store.deliveries.get(TENANT, deliveryId('invitation', p.id, 'ses-1')))!.value;
          expect(d.status).toBe('sent');
          expect(Boolean(d.installedAt)).toBe(!p.opened);
        }
        const reach = await invitationReach({ store: w.store, clock: w.clock }, TENANT, 'ses-1');
        expect(reach).toEqual({ reached: 10, installedFor: 4, couldNotReach: [], waiting: 0 });
        expect(invitationReachText(TITLE, reach)).toBe(`Invitation to "${TITLE}": reached 10 (the app installed for 4 of them), could not reach 0.`);
      } finally {
        await w.close();
      }
    });

    it('without the permission (403) it reaches 6; the 4 are recorded as "permission missing", Graph asked once, and sent once they open the bot', async () => {
      const w = await startWorld(openStore);
      try {
        w.graph.refuseWith = { status: 403 };
        await w.scheduler.runOnce();
        for (const p of PEOPLE) expect(invitationsTo(w, p.aad)).toHaveLength(p.opened ? 1 : 0);
        // The refusal is recorded for the tenant: the catalog lookup was refused, and nobody else was tried.
        expect(w.graph.requests).toHaveLength(1);
        for (const p of PEOPLE.filter((q) => !q.opened)) {
          const d = (await w.store.deliveries.get(TENANT, deliveryId('invitation', p.id, 'ses-1')))!.value;
          expect(d.status).toBe('failed');
          expect(d.lastError).toMatch(/^unreachable: permission missing: .*TeamsAppInstallation\.ReadWriteSelfForUser\.All/);
        }
        const reach = await invitationReach({ store: w.store, clock: w.clock }, TENANT, 'ses-1');
        const text = invitationReachText(TITLE, reach);
        expect(text).toBe(
          [
            `Invitation to "${TITLE}": reached 6 (the app installed for 0 of them), could not reach 4.`,
            ...['G', 'H', 'I', 'J'].map((l) => `- Person ${l}: permission missing: the bot may not install its Teams app for them (see setup)`),
          ].join('\n'),
        );
        if (process.env.SHOW_LEAD_VIEW) process.stdout.write(`${text}\n`);

        // Later runs do not ask Graph again within the hold; one of the four opens the bot herself.
        w.clock.advance(60_000);
        await w.scheduler.runOnce();
        expect(w.graph.requests).toHaveLength(1);
        await post(w.baseUrl, installActivity(w, 'aad-6', 'Person G'));
        w.clock.advance(60_000);
        await w.scheduler.runOnce();
        expect(invitationsTo(w, 'aad-6')).toHaveLength(1);
        expect((await w.store.deliveries.get(TENANT, deliveryId('invitation', 'stf-6', 'ses-1')))!.value.status).toBe('sent');
      } finally {
        await w.close();
      }
    });
  });
});
