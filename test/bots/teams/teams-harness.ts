import { createHash } from 'node:crypto';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import pino from 'pino';
import { ActorCache } from '../../../src/app/people/actor-cache';
import { createTeamsBot, type TeamsBot, type TeamsBotConfig } from '../../../src/bots/teams';
import { TEAMS_FILE_DOWNLOAD_INFO } from '../../../src/bots/teams/file-attachment';
import { ManualClock, Staff, type Delivery } from '../../../src/domain';
import { createSignedLinks, type SignedLinks } from '../../../src/app/signed-links';
import { createHttpApp } from '../../../src/http/app';
import { linkRoutes } from '../../../src/http/link-routes';
import { openEmbeddedStore, type EmbeddedStore } from '../../../src/store/embedded/sqlite-store';
import type { Store } from '../../../src/store/store';
import { delivery, session, tenant, twilightQuestionnaire } from '../../support/fixtures';
import { FakeConnector, startFakeConnector } from '../../support/fake-connector';

export const AAD_TENANT = 'aad-tenant-1';
export const BOT_ID = '28:twilight-bot';
export const TENANT = 'trust-1';

/** Real botbuilder behind the real express server, a fake Bot Connector, an in-memory store and a manual clock. */
export const LINKS_ORIGIN = 'https://twilight.test';

export interface TeamsHarness {
  /** Embedded in memory, unless the test opened another (`openStore`, e.g. Cosmos). */
  store: EmbeddedStore | Store;
  clock: ManualClock;
  connector: FakeConnector;
  bot: TeamsBot;
  baseUrl: string;
  links?: SignedLinks;
  close(): Promise<void>;
}

/** With `links`, cards carry calendar and certificate links served by the same server (their origin is LINKS_ORIGIN). */
export async function startTeamsHarness(config: Partial<TeamsBotConfig> = {}, options: { links?: boolean; openStore?: (clock: ManualClock) => Promise<Store> } = {}): Promise<TeamsHarness> {
  const clock = new ManualClock('2026-11-20T09:00:00.000Z');
  // As in main.ts: resolved people are cached, and the tests' staff writes go through the watched store.
  const actors = new ActorCache({ clock });
  const store = actors.watch(options.openStore ? await options.openStore(clock) : openEmbeddedStore({ path: ':memory:', clock }));
  const connector = await startFakeConnector();
  const logger = pino({ level: process.env.TEST_LOG_LEVEL ?? 'silent' });
  const links = options.links ? createSignedLinks({ baseUrl: LINKS_ORIGIN, secret: 'teams-harness-link-secret-0123456789', clock }) : undefined;
  const bot = createTeamsBot({ store, clock, logger, actors, ...(links ? { links } : {}), config: { appType: 'MultiTenant', ...config } });
  const app = createHttpApp({ store, logger, routers: [bot.router, ...(links ? [linkRoutes({ store, clock, links })] : [])] });
  const server: Server = await new Promise((resolve) => {
    const s = app.listen(0, '127.0.0.1', () => resolve(s));
  });
  const { port } = server.address() as AddressInfo;
  return {
    store,
    clock,
    connector,
    bot,
    baseUrl: `http://127.0.0.1:${port}`,
    ...(links ? { links } : {}),
    async close() {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await connector.stop();
      await store.close();
    },
  };
}

export interface TeamsUser {
  userId: string;
  aadObjectId: string;
  name: string;
  /** The personal chat the user has with the bot. */
  conversationId: string;
}

export const JO: TeamsUser = { userId: '29:jo', aadObjectId: 'aad-jo', name: 'Jo Patel', conversationId: 'a:personal-jo' };
/** A CPD lead's Teams identity (the tests that need one add the staff record, e-mail lee.lead@school.example). */
export const LEAD: TeamsUser = { userId: '29:lee', aadObjectId: 'aad-lee', name: 'Lee Lead', conversationId: 'a:personal-lee' };

/** Seeds a trust mapped to the AAD tenant, two staff, a session and its reaction questionnaire. */
export async function seedSchool(h: TeamsHarness): Promise<void> {
  // Teams knows Jo's e-mail (GET .../members/{id}); the staff record has not seen her Teams ids yet.
  h.connector.setRoster(JO.conversationId, [{ id: JO.userId, name: JO.name, aadObjectId: JO.aadObjectId, email: 'jo.patel@school.example' }]);
  await h.store.tenants.create({ ...tenant(TENANT), teamsTenantId: AAD_TENANT });
  await h.store.staff.create(Staff.parse({ tenantId: TENANT, id: 'stf-jo', name: 'Jo Patel', email: 'jo.patel@school.example', roles: ['staff'] }));
  await h.store.staff.create(Staff.parse({ tenantId: TENANT, id: 'stf-sam', name: 'Sam Lee', email: 'sam.lee@school.example', roles: ['staff'] }));
  await h.store.sessions.create(session(TENANT, 'ses-1', { title: 'Retrieval practice that sticks' }));
  await h.store.questionnaires.create(twilightQuestionnaire(TENANT));
}

export function outboxRecord(recipientId: string, kind: Delivery['kind'], subject: Delivery['subject']): Delivery {
  return delivery(TENANT, recipientId, { kind, subject });
}

function baseActivity(h: TeamsHarness, user: TeamsUser, extra: Record<string, unknown>): Record<string, unknown> {
  return {
    channelId: 'msteams',
    serviceUrl: h.connector.url,
    id: `in-${Math.random().toString(36).slice(2)}`,
    timestamp: h.clock.now().toISOString(),
    from: { id: user.userId, name: user.name, aadObjectId: user.aadObjectId },
    recipient: { id: BOT_ID, name: 'Twilight' },
    conversation: { id: user.conversationId, conversationType: 'personal', tenantId: AAD_TENANT },
    channelData: { tenant: { id: AAD_TENANT } },
    ...extra,
  };
}

/** POSTs an activity to /api/messages as the Teams channel would. */
export async function postActivity(h: TeamsHarness, activity: Record<string, unknown>, headers: Record<string, string> = {}): Promise<{ status: number; body: unknown }> {
  const res = await fetch(`${h.baseUrl}/api/messages`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify(activity),
  });
  const text = await res.text();
  const isJson = res.headers.get('content-type')?.includes('json') && text !== '';
  return { status: res.status, body: isJson ? (JSON.parse(text) as unknown) : text };
}

export function installActivity(h: TeamsHarness, user: TeamsUser): Record<string, unknown> {
  return baseActivity(h, user, { type: 'conversationUpdate', membersAdded: [{ id: BOT_ID }, { id: user.userId }] });
}

export function messageActivity(h: TeamsHarness, user: TeamsUser, text: string): Record<string, unknown> {
  return baseActivity(h, user, { type: 'message', text });
}

/** A file attached in the personal chat exactly as Teams sends it (with `supportsFiles`): its download info, and the empty HTML part Teams adds beside it. */
export function fileMessage(h: TeamsHarness, user: TeamsUser, name: string, downloadUrl: string): Record<string, unknown> {
  const uniqueId = createHash('sha256').update(name).digest('hex').slice(0, 32).toUpperCase();
  return {
    ...messageActivity(h, user, ''),
    attachments: [
      {
        contentType: TEAMS_FILE_DOWNLOAD_INFO,
        contentUrl: `https://school-my.sharepoint.com/personal/${user.aadObjectId}/Documents/Microsoft%20Teams%20Chat%20Files/${encodeURIComponent(name)}`,
        name,
        content: { downloadUrl, uniqueId, fileType: name.split('.').pop(), etag: `{${uniqueId}},1` },
      },
      { contentType: 'text/html', content: '<div><div><span></span></div></div>' },
    ],
  };
}

export function cardActionActivity(h: TeamsHarness, user: TeamsUser, verb: string, data: Record<string, unknown>, replyToId?: string): Record<string, unknown> {
  return baseActivity(h, user, {
    type: 'invoke',
    name: 'adaptiveCard/action',
    ...(replyToId ? { replyToId } : {}),
    value: { action: { type: 'Action.Execute', verb, data }, trigger: 'manual' },
  });
}

/** The card inside an invoke response body, as Teams would render it. */
export function invokeCard(body: unknown): { type?: string; statusCode?: number; value?: { body: Record<string, unknown>[]; actions?: Record<string, unknown>[] } } {
  return body as never;
}

type Json = Record<string, unknown>;

/** Every element of a card, however deeply nested (inputs sit inside column sets). */
export function cardElements(card: unknown): Json[] {
  const out: Json[] = [];
  const walk = (node: unknown) => {
    if (Array.isArray(node)) node.forEach(walk);
    else if (node && typeof node === 'object') {
      out.push(node as Json);
      Object.values(node).forEach(walk);
    }
  };
  walk(card);
  return out;
}

/** What a person reads on a card: its text blocks. */
export function cardText(card: unknown): string {
  return cardElements(card)
    .filter((e) => typeof e.text === 'string')
    .map((e) => e.text)
    .join('\n');
}

/** The card in the last activity the bot sent to this person's chat. */
export function lastCardTo(h: TeamsHarness, user: TeamsUser): Json | undefined {
  return FakeConnector.card(h.connector.sentTo(user.conversationId).at(-1));
}
