import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SLACK_EVENTS_PATH } from '../../src/bots/slack/router-receiver';
import { participationId, Staff } from '../../src/domain';
import { systemClock } from '../../src/domain/clock';
import { openCosmosStore } from '../../src/store/cosmos/cosmos-store';
import { openEmbeddedStore } from '../../src/store/embedded/sqlite-store';
import type { Store } from '../../src/store/store';
import { startLoopbackCosmos, type LoopbackCosmos } from '../support/cosmos-server';
import { FakeSlackApi } from '../support/fake-slack-api';
import { session, tenant, twilightQuestionnaire } from '../support/fixtures';
import { interactivityBody, slackSignatureHeaders } from '../support/slack-signing';
import type { KillChildOptions } from './support/kill-child';
import { startKillChild } from './support/run-kill-child';

/**
 * Issue 24 item 9: a Slack submission still being written at the 2.5 s ack deadline is answered
 * with an empty 200 (the modal closes as if saved). If the process then dies (kill -9 of a real
 * child process, both stores), the answer must still be stored after a restart, or the person told.
 */
const TENANT = 'trust-slow';
const TEAM = 'T0SLOW';
const SECRET = 'slow-submission-secret';
const DAY = 86_400_000;

jest.setTimeout(120_000);

async function seed(store: Store): Promise<void> {
  await store.tenants.create({ ...tenant(TENANT), slackTeamId: TEAM });
  await store.staff.create(Staff.parse({ tenantId: TENANT, id: 'stf-jo', name: 'Jo Patel', email: 'jo@school.example', roles: ['staff'], slack: { userId: 'UJO', teamId: TEAM } }));
  await store.sessions.create(session(TENANT, 'ses-1', { startsAt: new Date(Date.now() - 2 * DAY).toISOString(), endsAt: new Date(Date.now() - 2 * DAY + 5_400_000).toISOString() }));
  await store.participations.create({ tenantId: TENANT, id: participationId('ses-1', 'stf-jo'), sessionId: 'ses-1', staffId: 'stf-jo', rsvp: 'yes' });
  await store.questionnaires.create({ ...twilightQuestionnaire(TENANT, 'qn-1'), opensAt: new Date(Date.now() - DAY).toISOString(), closesAt: new Date(Date.now() + 7 * DAY).toISOString() });
}

/** Jo's answers to the questionnaire, from the modal opened on her DM card. */
function submission(viewId: string): string {
  const choice = (value: string) => ({ answer: { type: 'radio_buttons', selected_option: { value } } });
  return interactivityBody({
    type: 'view_submission',
    user: { id: 'UJO', team_id: TEAM },
    team: { id: TEAM },
    api_app_id: 'A1',
    token: 'legacy',
    trigger_id: `trg-${viewId}`,
    view: {
      id: viewId,
      type: 'modal',
      callback_id: 'questionnaire.submit',
      private_metadata: JSON.stringify({ action: { verb: 'questionnaire.submit', questionnaireId: 'qn-1' }, channel: 'DUJO', ts: '1700000000.000100' }),
      hash: 'h1',
      state: { values: { 'field:quality': choice('4'), 'field:impact': choice('3'), 'field:further_cpd': choice('no'), 'field:comments': { answer: { type: 'plain_text_input', value: 'Useful' } } } },
    },
  });
}

async function until<T>(what: () => Promise<T | undefined> | T | undefined, timeoutMs = 20_000): Promise<T | undefined> {
  const end = Date.now() + timeoutMs;
  for (;;) {
    const value = await what();
    if (value || Date.now() > end) return value;
    await new Promise((r) => setTimeout(r, 200));
  }
}

describe.each(['embedded', 'cosmos'] as const)('a Slack submission answered at the ack deadline survives kill -9 (%s store, real child processes)', (kind) => {
  let cosmos: LoopbackCosmos | undefined;
  let dir = '';
  let api: FakeSlackApi;
  let run = 0;
  beforeAll(async () => {
    if (kind === 'cosmos') cosmos = await startLoopbackCosmos();
    dir = mkdtempSync(join(tmpdir(), 'twilight-slow-'));
  });
  beforeEach(async () => {
    api = new FakeSlackApi();
    await api.start();
  });
  afterEach(() => api.stop());
  afterAll(async () => {
    await cosmos?.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  async function freshStore(): Promise<{ location: KillChildOptions['store']; open(): Promise<Store> }> {
    run++;
    if (!cosmos) {
      const path = join(mkdtempSync(join(dir, `run-${run}-`)), 'twilight.db');
      const s = openEmbeddedStore({ path, clock: systemClock });
      await seed(s);
      await s.close();
      return { location: { kind: 'embedded', path }, open: async () => openEmbeddedStore({ path, clock: systemClock }) };
    }
    const server = cosmos;
    const databaseId = `kill-slow-${run}`;
    const open = () => openCosmosStore({ client: server.client(), databaseId, createIfMissing: true });
    const s = await open();
    await seed(s);
    await s.close();
    return { location: { kind: 'cosmos', endpoint: server.endpoint, databaseId }, open };
  }

  /** The first bot process: the answer's write hangs, Slack is answered at the deadline, then the process is killed. */
  async function answeredThenKilled(location: KillChildOptions['store'], viewId: string): Promise<{ status: number; text: string }> {
    const first = startKillChild({ store: location, work: { kind: 'slack', slackApiUrl: api.apiUrl, signingSecret: SECRET, hangFirstWriteTo: 'responses' } });
    const { port } = await first.message<{ port: number }>('port');
    const body = submission(viewId);
    const reply = await fetch(`http://127.0.0.1:${port}${SLACK_EVENTS_PATH}`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', ...slackSignatureHeaders(SECRET, body, Math.floor(Date.now() / 1000)) },
      body,
    });
    const answer = { status: reply.status, text: await reply.text() };
    await first.message('hung');
    first.kill();
    expect((await first.ended).how).toBe('killed');
    return answer;
  }

  /** The next process, started a minute later (the dead process's claim has lapsed). */
  function restarted(location: KillChildOptions['store']) {
    return startKillChild({ store: location, clockOffsetMs: 60_000, work: { kind: 'slack', slackApiUrl: api.apiUrl, signingSecret: SECRET } });
  }

  it('closed as if saved, then killed before the write: after a restart the answer is stored and the DM card updated', async () => {
    const { location, open } = await freshStore();
    const reply = await answeredThenKilled(location, 'V-slow-1');
    expect(reply).toEqual({ status: 200, text: '' });

    const next = restarted(location);
    try {
      await next.message('port');
      // The DM card is updated once the answer is stored (the embedded store is read after the process ends: one process per data folder).
      const updated = await until(() => api.callsOf('chat.update').find((c) => c.args.channel === 'DUJO'));
      expect(updated).toBeDefined();
    } finally {
      next.kill();
      await next.ended;
    }
    const store = await open();
    expect(await store.responses.count(TENANT)).toBe(1);
    expect(await store.receipts.count(TENANT)).toBe(1);
    await store.close();
  });

  it('closed as if saved, killed, and the questionnaire withdrawn meanwhile: after a restart Jo is told it was not saved', async () => {
    const { location, open } = await freshStore();
    expect(await answeredThenKilled(location, 'V-slow-2')).toEqual({ status: 200, text: '' });
    let store = await open();
    await store.questionnaires.delete(TENANT, 'qn-1');
    await store.close();

    const next = restarted(location);
    try {
      await next.message('port');
      const told = await until(() => api.callsOf('chat.postMessage').find((c) => c.args.channel === 'UJO'));
      expect(String(told?.args.text)).toMatch(/not saved/i);
    } finally {
      next.kill();
      await next.ended;
    }
    store = await open();
    expect(await store.responses.count(TENANT)).toBe(0);
    await store.close();
  });
});
