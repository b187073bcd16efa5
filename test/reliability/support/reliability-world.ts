import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import express from 'express';
import pino from 'pino';
import { ActorCache } from '../../../src/app/people/actor-cache';
import { createSlackBot, type SlackBot } from '../../../src/bots/slack/create-slack-bot';
import { SLACK_EVENTS_PATH } from '../../../src/bots/slack/router-receiver';
import { createTeamsBot, type TeamsBot } from '../../../src/bots/teams';
import { ManualClock, type Questionnaire, Staff, participationId } from '../../../src/domain';
import { createHttpApp } from '../../../src/http/app';
import { openEmbeddedStore, type EmbeddedStore } from '../../../src/store/embedded/sqlite-store';
import type { Store } from '../../../src/store/store';
import { startFakeConnector, type FakeConnector } from '../../support/fake-connector';
import { FakeSlackApi } from '../../support/fake-slack-api';
import { gapTask, session, tenant, twilightQuestionnaire } from '../../support/fixtures';
import { interactivityBody, slackSignatureHeaders } from '../../support/slack-signing';
import { faultyStore, type FaultyStore } from './faulty-store';

export const TENANT = 'trust-r';
export const OTHER_TENANT = 'trust-other';
export const AAD_TENANT = 'aad-r';
export const SLACK_TEAM = 'T0SCHOOL';
export const SECRET = 'reliability-secret';
export const BOT_ID = '28:twilight-bot';

/** People of the school: each is linked to Teams and Slack ids already, so no look-up is needed. */
export const PEOPLE = {
  jo: { staffId: 'stf-jo', teamsId: '29:jo', aad: 'aad-jo', slackId: 'UJO', roles: ['staff'] },
  sam: { staffId: 'stf-sam', teamsId: '29:sam', aad: 'aad-sam', slackId: 'USAM', roles: ['staff'] },
  lead: { staffId: 'stf-lead', teamsId: '29:lead', aad: 'aad-lead', slackId: 'ULEAD', roles: ['staff', 'cpd-lead'] },
} as const;
export type Person = (typeof PEOPLE)[keyof typeof PEOPLE];

export interface ReliabilityWorld {
  inner: EmbeddedStore;
  faults: FaultyStore;
  store: Store;
  clock: ManualClock;
  connector: FakeConnector;
  slackApi: FakeSlackApi;
  teams: TeamsBot;
  slack: SlackBot;
  baseUrl: string;
  /**
   * A new Slack bot on the same store behind the same URL, as after a process was killed and
   * started again: nothing of the old one's memory is kept (its requests still in flight are left).
   */
  restartSlack(): void;
  close(): Promise<void>;
}

/**
 * Both real bots (botbuilder CloudAdapter in dev mode, bolt) on one real express server, over a
 * store that can be made to fail. `platformTimeoutMs` is PLATFORM_TIMEOUT_MS for both bots' clients.
 */
export async function startReliabilityWorld(options: { platformTimeoutMs?: number; storePath?: string } = {}): Promise<ReliabilityWorld> {
  const clock = new ManualClock('2026-11-25T09:00:00.000Z');
  // A file when a test needs a second connection to it (a held write lock); else in memory.
  const inner = openEmbeddedStore({ path: options.storePath ?? ':memory:', clock });
  const faults = faultyStore(inner);
  // As in main.ts: the bots cache resolved people and every write goes through the watched store.
  const actors = new ActorCache({ clock });
  const store = actors.watch(faults.store);
  const connector = await startFakeConnector();
  const slackApi = new FakeSlackApi();
  await slackApi.start();
  const logger = pino({ level: process.env.TEST_LOG_LEVEL ?? 'silent' });
  const requestTimeoutMs = options.platformTimeoutMs !== undefined ? { requestTimeoutMs: options.platformTimeoutMs } : {};
  const teams = createTeamsBot({ store, clock, logger, actors, config: { appType: 'MultiTenant', ...requestTimeoutMs } });
  const makeSlack = () => createSlackBot({ store, clock, logger, actors, config: { botToken: 'xoxb-test', signingSecret: SECRET, slackApiUrl: slackApi.apiUrl, ...requestTimeoutMs } });
  const slack = makeSlack();
  const retired: SlackBot[] = [];
  // Routes to whichever Slack bot is current, so a restarted one serves the same URL.
  const slackRouter = express.Router().use((req, res, next) => world.slack.router(req, res, next));
  const app = createHttpApp({ store, logger, routers: [teams.router, slackRouter] });
  const server: Server = await new Promise((resolve) => {
    const s = app.listen(0, '127.0.0.1', () => resolve(s));
  });
  const world: ReliabilityWorld = {
    inner,
    faults,
    store,
    clock,
    connector,
    slackApi,
    teams,
    slack,
    baseUrl: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    restartSlack() {
      retired.push(world.slack);
      world.slack = makeSlack();
    },
    async close() {
      faults.killHung();
      for (const bot of [...retired, world.slack]) await bot.drain();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await connector.stop();
      await slackApi.stop();
      await inner.close();
    },
  };
  await seedSchool(inner);
  return world;
}

/** The school and the other trust every reliability test starts from (also the answer-operations bench's, on either store). */
export async function seedSchool(s: Store): Promise<void> {
  await s.tenants.create({ ...tenant(TENANT), teamsTenantId: AAD_TENANT, slackTeamId: SLACK_TEAM });
  await s.tenants.create({ ...tenant(OTHER_TENANT), teamsTenantId: 'aad-other', slackTeamId: 'T0OTHER' });
  for (const p of Object.values(PEOPLE)) {
    await s.staff.create(
      Staff.parse({
        tenantId: TENANT,
        id: p.staffId,
        name: p.staffId,
        email: `${p.staffId}@school.example`,
        roles: p.roles,
        teams: { aadObjectId: p.aad, userId: p.teamsId },
        slack: { userId: p.slackId, teamId: SLACK_TEAM },
      }),
    );
  }
  // Another trust with a questionnaire and gap task of its own, under the same ids.
  await s.staff.create(Staff.parse({ tenantId: OTHER_TENANT, id: 'stf-jo', name: 'Other Jo', email: 'jo@other.example', roles: ['staff'] }));
  for (const t of [TENANT, OTHER_TENANT]) {
    await s.sessions.create(session(t, 'ses-1', { title: 'Retrieval practice' }));
    await s.questionnaires.create(questionnaire(t, 'qn-1'));
    await s.participations.create({ tenantId: t, id: participationId('ses-1', 'stf-jo'), sessionId: 'ses-1', staffId: 'stf-jo', rsvp: 'yes' });
  }
  await s.questionnaires.create(questionnaire(OTHER_TENANT, 'qn-other'));
  await s.participations.create({ tenantId: TENANT, id: participationId('ses-1', 'stf-sam'), sessionId: 'ses-1', staffId: 'stf-sam', rsvp: 'yes' });
  for (const who of ['stf-jo', 'stf-sam']) await s.gapTasks.create(gapTask(TENANT, 'ses-1', who, { status: 'planned' }));
  await s.gapTasks.create(gapTask(OTHER_TENANT, 'ses-1', 'stf-jo', { status: 'planned' }));
}

export function questionnaire(tenantId: string, id: string): Questionnaire {
  return twilightQuestionnaire(tenantId, id);
}

export const GOOD_ANSWERS = { quality: '4', impact: '3', further_cpd: 'no', comments: 'Useful' };
export const GOOD_REPORT = { whatDone: 'Quizzes', impactSoFar: 'Better recall', sustain: 'Department bank', successes: 'Calm starts', barriers: 'Time', shareWithManager: 'true' };

/** An Action.Execute invoke as Teams sends it, from `who` in their personal chat. */
export function invokeActivity(w: ReliabilityWorld, who: Person, verb: string, data: Record<string, unknown>, aadTenant = AAD_TENANT): Record<string, unknown> {
  return {
    type: 'invoke',
    name: 'adaptiveCard/action',
    channelId: 'msteams',
    serviceUrl: w.connector.url,
    id: `in-${Math.random().toString(36).slice(2)}`,
    timestamp: w.clock.now().toISOString(),
    from: { id: who.teamsId, name: who.staffId, aadObjectId: who.aad },
    recipient: { id: BOT_ID, name: 'Twilight' },
    conversation: { id: `a:personal-${who.staffId}`, conversationType: 'personal', tenantId: aadTenant },
    channelData: { tenant: { id: aadTenant } },
    value: { action: { type: 'Action.Execute', verb, data }, trigger: 'manual' },
  };
}

/** An HTTP answer: status, body as text and as JSON when it parses, and the headers. */
export interface Reply {
  status: number;
  text: string;
  json: unknown;
  headers: Headers;
}

export async function postJson(w: ReliabilityWorld, path: string, body: unknown, headers: Record<string, string> = {}): Promise<Reply> {
  const res = await fetch(`${w.baseUrl}${path}`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(body) });
  return readReply(res);
}

async function readReply(res: Response): Promise<Reply> {
  const text = await res.text();
  let json: unknown;
  try {
    json = text ? JSON.parse(text) : undefined;
  } catch {
    json = undefined;
  }
  return { status: res.status, text, json, headers: res.headers };
}

/** All visible text of an invoke response's card, to check what the person is told. */
export function cardText(body: unknown): string {
  const texts: string[] = [];
  const walk = (node: unknown): void => {
    if (Array.isArray(node)) node.forEach(walk);
    else if (node && typeof node === 'object') {
      for (const [k, v] of Object.entries(node)) {
        if ((k === 'text' || k === 'title') && typeof v === 'string') texts.push(v);
        else walk(v);
      }
    }
  };
  walk((body as { value?: unknown })?.value);
  return texts.join(' | ');
}

/** POSTs a body to /slack/events signed as Slack would, then waits for the work after the ack. */
export async function postSlack(
  w: ReliabilityWorld,
  body: string,
  options: { contentType?: string; timestamp?: number; secret?: string; headers?: Record<string, string> } = {},
): Promise<Reply> {
  const ts = options.timestamp ?? Math.floor(w.clock.now().getTime() / 1000);
  const res = await fetch(`${w.baseUrl}${SLACK_EVENTS_PATH}`, {
    method: 'POST',
    headers: { 'content-type': options.contentType ?? 'application/x-www-form-urlencoded', ...slackSignatureHeaders(options.secret ?? SECRET, body, ts), ...options.headers },
    body,
  });
  const reply = await readReply(res);
  await w.slack.drain();
  return reply;
}

type StateValue = Record<string, unknown>;

/** Slack input state for a field: plain text unless it is a choice. */
function stateOf(field: string, value: string): StateValue {
  if (field === 'quality' || field === 'impact' || field === 'further_cpd') return { type: 'radio_buttons', selected_option: { value } };
  if (field === 'shareWithManager') return { type: 'checkboxes', selected_options: value === 'true' ? [{ value: 'yes' }] : [] };
  return { type: 'plain_text_input', value };
}

/** A modal submission for `callbackId` acting on `action`, answered with `fields`. */
export function viewSubmission(who: Person, viewId: string, callbackId: string, action: Record<string, unknown>, fields: Record<string, string>, team = SLACK_TEAM) {
  const values: Record<string, Record<string, StateValue>> = {};
  for (const [field, value] of Object.entries(fields)) values[`field:${field}`] = { answer: stateOf(field, value) };
  return {
    type: 'view_submission',
    user: { id: who.slackId, team_id: team },
    team: { id: team },
    api_app_id: 'A1',
    token: 'legacy',
    trigger_id: `trg-${viewId}`,
    view: {
      id: viewId,
      type: 'modal',
      callback_id: callbackId,
      private_metadata: JSON.stringify({ action: { verb: callbackId, ...action }, channel: `D${who.slackId}`, ts: '1700000000.000100' }),
      hash: 'h1',
      state: { values },
    },
  };
}

export const slackForm = interactivityBody;

/** Every document count of the tenant that a submission could touch. */
export async function writeCounts(w: ReliabilityWorld, tenantId = TENANT): Promise<Record<string, number>> {
  const s = w.inner;
  return {
    responses: await s.responses.count(tenantId),
    anonymousResponses: await s.anonymousResponses.count(tenantId),
    receipts: await s.receipts.count(tenantId),
    reportedGapTasks: await s.gapTasks.count(tenantId, { status: 'reported' }),
    participations: await s.participations.count(tenantId),
    sessions: await s.sessions.count(tenantId),
    staff: await s.staff.count(tenantId),
  };
}
