import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import pino from 'pino';
import { ActorCache } from '../../../src/app/people/actor-cache';
import { createSlackBot, type SlackBot } from '../../../src/bots/slack/create-slack-bot';
import { SLACK_EVENTS_PATH } from '../../../src/bots/slack/router-receiver';
import { ManualClock, Staff, type Delivery } from '../../../src/domain';
import { createSignedLinks, type SignedLinks } from '../../../src/app/signed-links';
import { createHttpApp } from '../../../src/http/app';
import { linkRoutes } from '../../../src/http/link-routes';
import { openEmbeddedStore } from '../../../src/store/embedded/sqlite-store';
import type { Store } from '../../../src/store/store';
import { FakeSlackApi } from '../../support/fake-slack-api';
import type { FileDownloadLimits } from '../../../src/bots/file-download';
import { delivery, session, tenant, twilightQuestionnaire } from '../../support/fixtures';
import { interactivityBody, slackSignatureHeaders } from '../../support/slack-signing';

export const TENANT = 'trust-slack';
export const SECRET = 'test-signing-secret';
export const JO = { id: 'UJO', email: 'jo.patel@school.example', name: 'Jo Patel' };
export const LEAD = { id: 'ULEAD', email: 'lee.lead@school.example', name: 'Lee Lead' };

export const LINKS_ORIGIN = 'https://twilight.test';
/** Where /slack/install sends the admin (Slack's authorize page; never fetched by the tests). */
export const OAUTH_AUTHORIZE_URL = 'https://slack.test/oauth/v2/authorize';

export interface SlackHarness {
  store: Store;
  clock: ManualClock;
  api: FakeSlackApi;
  bot: SlackBot;
  baseUrl: string;
  links?: SignedLinks;
  close(): Promise<void>;
}

/** Real bolt App + real express server on 127.0.0.1:0, talking to a fake Slack Web API. */
/** With `links`, cards carry calendar and certificate links served by the same server (their origin is LINKS_ORIGIN). */
/** `defaultTenantId` and `logger` as main.ts passes them (config.defaultTenantId; the process logger). */
export async function startSlackHarness(
  options: {
    links?: boolean;
    defaultTenantId?: string;
    logger?: pino.Logger;
    ackDeadlineMs?: number;
    requestTimeoutMs?: number;
    /** Another store than the embedded one in memory (e.g. Cosmos); closed with the harness. */
    openStore?: (clock: ManualClock) => Promise<Store>;
    files?: FileDownloadLimits;
    oauthTokenKey?: Buffer;
  } = {},
): Promise<SlackHarness> {
  const clock = new ManualClock('2026-11-20T09:00:00.000Z');
  // As in main.ts: resolved people are cached, and the tests' staff writes go through the watched store.
  const actors = new ActorCache({ clock });
  const store = actors.watch(options.openStore ? await options.openStore(clock) : openEmbeddedStore({ path: ':memory:', clock }));
  const api = new FakeSlackApi();
  await api.start();
  const logger = options.logger ?? pino({ level: 'silent' });
  const links = options.links ? createSignedLinks({ baseUrl: LINKS_ORIGIN, secret: 'slack-harness-link-secret-0123456789', clock }) : undefined;
  const bot = createSlackBot({
    store,
    clock,
    logger,
    actors,
    ...(links ? { links } : {}),
    config: {
      // With a token key: Slack's OAuth installs (each workspace's own token), no single bot token.
      ...(options.oauthTokenKey
        ? { oauth: { clientId: api.clientId, clientSecret: api.clientSecret, tokenKey: options.oauthTokenKey, slackApiUrl: api.apiUrl, authorizationUrl: OAUTH_AUTHORIZE_URL } }
        : { botToken: 'xoxb-test' }),
      signingSecret: SECRET,
      slackApiUrl: api.apiUrl,
      ...(options.defaultTenantId ? { defaultTenantId: options.defaultTenantId } : {}),
      ...(options.ackDeadlineMs ? { ackDeadlineMs: options.ackDeadlineMs } : {}),
      ...(options.requestTimeoutMs ? { requestTimeoutMs: options.requestTimeoutMs } : {}),
      ...(options.files ? { files: options.files } : {}),
    },
  });
  const app = createHttpApp({ store, logger, routers: [bot.router, ...(links ? [linkRoutes({ store, clock, links })] : [])] });
  const server: Server = await new Promise((resolve) => {
    const s = app.listen(0, '127.0.0.1', () => resolve(s));
  });
  const baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    store,
    clock,
    api,
    bot,
    baseUrl,
    ...(links ? { links } : {}),
    close: async () => {
      await bot.drain();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await api.stop();
      await store.close();
    },
  };
}

export async function seedSchool(h: SlackHarness): Promise<void> {
  h.api.users.set(JO.id, JO);
  h.api.users.set(LEAD.id, LEAD);
  await h.store.tenants.create({ ...tenant(TENANT), slackTeamId: h.api.teamId });
  await h.store.staff.create(Staff.parse({ tenantId: TENANT, id: 'stf-jo', name: JO.name, email: JO.email, roles: ['staff'] }));
  await h.store.staff.create(Staff.parse({ tenantId: TENANT, id: 'stf-lead', name: LEAD.name, email: LEAD.email, roles: ['cpd-lead'] }));
  await h.store.sessions.create(session(TENANT, 'ses-1', { title: 'Retrieval practice that sticks' }));
  await h.store.questionnaires.create(twilightQuestionnaire(TENANT));
}

export function outboxRecord(recipientId: string, kind: Delivery['kind'], subject: Delivery['subject']): Delivery {
  return delivery(TENANT, recipientId, { kind, subject });
}

/** POSTs a body to /slack/events signed as Slack would (timestamp from the harness clock unless given). */
export async function postSigned(
  h: SlackHarness,
  body: string,
  options: { contentType?: string; headers?: Record<string, string>; timestamp?: number; secret?: string } = {},
): Promise<{ status: number; text: string; json: unknown }> {
  const ts = options.timestamp ?? Math.floor(h.clock.now().getTime() / 1000);
  const res = await fetch(`${h.baseUrl}${SLACK_EVENTS_PATH}`, {
    method: 'POST',
    headers: {
      'content-type': options.contentType ?? 'application/x-www-form-urlencoded',
      ...slackSignatureHeaders(options.secret ?? SECRET, body, ts),
      ...options.headers,
    },
    body,
  });
  const text = await res.text();
  let json: unknown;
  try {
    json = text ? JSON.parse(text) : undefined;
  } catch {
    json = undefined;
  }
  return { status: res.status, text, json };
}

export async function postInteraction(h: SlackHarness, payload: unknown, headers: Record<string, string> = {}) {
  const reply = await postSigned(h, interactivityBody(payload), { headers });
  await h.bot.drain();
  return reply;
}

/** A button press in a DM message, as Slack sends block_actions. */
export function buttonPress(user: { id: string }, message: { channel: string; ts: string }, button: { action_id: string; value?: string }, triggerId: string) {
  return {
    type: 'block_actions',
    user: { id: user.id, team_id: 'T0SCHOOL' },
    team: { id: 'T0SCHOOL' },
    api_app_id: 'A1',
    token: 'legacy',
    trigger_id: triggerId,
    container: { type: 'message', channel_id: message.channel, message_ts: message.ts, is_ephemeral: false },
    channel: { id: message.channel },
    message: { ts: message.ts, type: 'message' },
    actions: [{ type: 'button', block_id: 'b', action_id: button.action_id, value: button.value, action_ts: '1700000000.1' }],
  };
}

/**
 * A button press on an ephemeral message (an answer to `/cpd …`): Slack marks the container
 * ephemeral, sends no `message`, and gives a response_url bound to that message.
 */
export function ephemeralButtonPress(h: SlackHarness, user: { id: string }, messageTs: string, button: { action_id: string; value?: string }, triggerId: string) {
  return {
    type: 'block_actions',
    user: { id: user.id, team_id: 'T0SCHOOL' },
    team: { id: 'T0SCHOOL' },
    api_app_id: 'A1',
    token: 'legacy',
    trigger_id: triggerId,
    container: { type: 'message', channel_id: 'C1', message_ts: messageTs, is_ephemeral: true },
    channel: { id: 'C1' },
    response_url: h.api.responseUrlForPress(messageTs),
    actions: [{ type: 'button', block_id: 'b', action_id: button.action_id, value: button.value, action_ts: '1700000000.1' }],
  };
}

/** Sends `/cpd <text>` as Slack would, answering through `${api.url}/response/<trigger>`. */
export async function slashCommand(h: SlackHarness, user: { id: string }, text: string, trigger: string) {
  const body = new URLSearchParams({ command: '/cpd', text, user_id: user.id, team_id: 'T0SCHOOL', channel_id: 'C1', trigger_id: trigger, response_url: `${h.api.url}/response/${trigger}` }).toString();
  const reply = await postSigned(h, body);
  await h.bot.drain();
  return reply;
}

type Json = Record<string, unknown>;

/** The modal the bot opened for a trigger (views.open), as the fake Slack API received it. */
export function openedModal(h: SlackHarness, trigger: string): Json {
  return h.api.callsOf('views.open').find((c) => c.args.trigger_id === trigger)!.args.view as Json;
}

/** Finds a button in posted blocks by its verb. */
export function findButton(blocks: unknown, verb: string): { action_id: string; value?: string } {
  for (const block of (blocks as Json[]) ?? []) {
    const elements = [...((block.elements as Json[]) ?? []), ...(block.accessory ? [block.accessory as Json] : [])];
    const found = elements.find((e) => typeof e.action_id === 'string' && (e.action_id === verb || e.action_id.startsWith(`${verb}:`)));
    if (found) return found as { action_id: string; value?: string };
  }
  throw new Error(`no ${verb} button in ${JSON.stringify(blocks).slice(0, 300)}`);
}

/**
 * A view_submission for a modal the bot opened, with `answers` filled in as Slack's state (keyed by
 * field id, or by the whole block id for other blocks, e.g. a register's `register:expected:0`).
 * Like Slack, it sends the view's blocks back too.
 */
export function modalSubmission(user: { id: string }, modal: Json, viewId: string, answers: Record<string, string | string[]>) {
  const values: Record<string, Record<string, Json>> = {};
  for (const block of modal.blocks as Json[]) {
    if (block.type !== 'input') continue;
    const blockId = String(block.block_id);
    const element = block.element as Json;
    const answer = answers[blockId.replace(/^field:/, '')];
    const type = String(element.type);
    let state: Json;
    if (type === 'plain_text_input') state = { type, value: answer ?? null };
    else if (type === 'datetimepicker') state = { type, selected_date_time: answer === undefined ? null : Number(answer) };
    else if (type === 'checkboxes' || type === 'multi_static_select') state = { type, selected_options: ([] as string[]).concat(answer ?? []).map((value) => ({ value })) };
    else if (type === 'datepicker') state = { type, selected_date: answer ?? null };
    else state = { type, selected_option: answer === undefined ? null : { value: answer } };
    values[blockId] = { [String(element.action_id)]: state };
  }
  return {
    type: 'view_submission',
    user: { id: user.id, team_id: 'T0SCHOOL' },
    team: { id: 'T0SCHOOL' },
    api_app_id: 'A1',
    token: 'legacy',
    trigger_id: `trg-submit-${viewId}`,
    view: { id: viewId, type: 'modal', callback_id: modal.callback_id, private_metadata: modal.private_metadata, hash: 'h1', blocks: modal.blocks, state: { values } },
  };
}
