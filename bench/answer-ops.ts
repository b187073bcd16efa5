/**
 * Store operations per answer (issue 28, item 1): one questionnaire answer, one RSVP and one
 * gap-task report, each through the real bot (bolt with signed requests and the fake Slack Web
 * API; botbuilder in dev mode against the fake connector), on both stores, the person already
 * resolved (as after the button press that opened the form; the actor cache keeps them).
 * Cosmos: every request @azure/cosmos sends to cosmosdb-server, by the adapter's meter (the
 * emulator charges 1 RU per request; a real account's charge follows the operations and sizes).
 * Embedded: SQL statements run by better-sqlite3 (prepared-statement calls), and transactions.
 *
 *   npx tsx bench/answer-ops.ts [--sequence]    (--sequence lists each operation in order: Cosmos requests; SQL statements, commits)
 */
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import Database from 'better-sqlite3';
import pino from 'pino';
import { ActorCache } from '../src/app/people/actor-cache';
import { createSlackBot } from '../src/bots/slack/create-slack-bot';
import { SLACK_EVENTS_PATH } from '../src/bots/slack/router-receiver';
import { createTeamsBot } from '../src/bots/teams';
import { gapTaskId, ManualClock, participationId } from '../src/domain';
import { createHttpApp } from '../src/http/app';
import { openCosmosStore } from '../src/store/cosmos/cosmos-store';
import { RequestChargeMeter, type ChargedOperation } from '../src/store/cosmos/request-charges';
import { openEmbeddedStore } from '../src/store/embedded/sqlite-store';
import type { Store } from '../src/store/store';
import { startLoopbackCosmos } from '../test/support/cosmos-server';
import { startFakeConnector } from '../test/support/fake-connector';
import { FakeSlackApi } from '../test/support/fake-slack-api';
import { session } from '../test/support/fixtures';
import { slackSignatureHeaders } from '../test/support/slack-signing';
import { GOOD_ANSWERS, GOOD_REPORT, invokeActivity, PEOPLE, SECRET, SLACK_TEAM, seedSchool, slackForm, TENANT, viewSubmission, type ReliabilityWorld } from '../test/reliability/support/reliability-world';

type Kind = 'embedded' | 'cosmos';
type Flow = 'answer' | 'RSVP' | 'gap-task report';

/**
 * better-sqlite3's statements share one prototype: count every run/get/all/iterate, and every commit:
 * a write statement run outside a transaction (SQLite commits it alone), a transaction function
 * called outside one (nested ones are savepoints), and an explicit BEGIN (the store's one-transaction units).
 */
function countSql(): { statements: number; transactions: number; sequence: string[] } {
  const counts = { statements: 0, transactions: 0, sequence: [] as string[] };
  /** `INSERT INTO "responses"` → `insert responses`, marked when SQLite commits it alone. */
  const step = (sql: string, alone: boolean) => {
    const [, verb, table] = /^\s*(\w+)(?:.*?(?:FROM|INTO|UPDATE)\s+"?(\w+)"?)?/is.exec(sql) ?? [];
    counts.sequence.push(`${(verb ?? sql).toLowerCase()}${table && verb?.toUpperCase() !== 'UPDATE' ? ` ${table}` : ''}${verb?.toUpperCase() === 'UPDATE' ? ` ${/UPDATE\s+"?(\w+)/i.exec(sql)?.[1] ?? ''}` : ''}${alone ? ' (commit)' : ''}`);
  };
  const probe = new Database(':memory:');
  type Stmt = { reader: boolean; database: Database.Database; source: string };
  const proto = Object.getPrototypeOf(probe.prepare('select 1')) as Record<string, (...a: unknown[]) => unknown>;
  for (const method of ['run', 'get', 'all', 'iterate']) {
    const original = proto[method]!;
    proto[method] = function (this: Stmt, ...args: unknown[]) {
      counts.statements++;
      // better-sqlite3's transaction functions run BEGIN, COMMIT and savepoints as statements: counted by the wrapper below.
      const control = /^\s*(BEGIN|COMMIT|ROLLBACK|SAVEPOINT|RELEASE)/i.test(this.source);
      const alone = !control && !this.reader && !this.database.inTransaction;
      if (alone) counts.transactions++;
      if (!control) step(this.source, alone);
      return original.apply(this, args);
    };
  }
  type Fn = (...a: unknown[]) => unknown;
  const dbProto = Object.getPrototypeOf(probe) as { transaction: (this: Database.Database, fn: Fn) => Fn; exec: (this: Database.Database, sql: string) => unknown };
  const exec = dbProto.exec;
  dbProto.exec = function (this: Database.Database, sql: string) {
    if (/^\s*BEGIN/i.test(sql)) counts.transactions++;
    if (/^\s*(BEGIN|COMMIT|ROLLBACK)/i.test(sql)) counts.sequence.push(sql.trim().toLowerCase());
    return exec.call(this, sql);
  };
  const transaction = dbProto.transaction;
  dbProto.transaction = function (this: Database.Database, fn: Fn) {
    const wrapped = transaction.call(this, fn) as Fn & Record<'deferred' | 'immediate' | 'exclusive', Fn>;
    const inTransaction = () => this.inTransaction;
    const counting =
      (run: Fn): Fn =>
      (...args) => {
        if (!inTransaction()) {
          counts.transactions++;
          counts.sequence.push('transaction (commit)');
        }
        return run(...args);
      };
    // The variants are non-enumerable properties of the wrapper better-sqlite3 returns: wrap each.
    return Object.assign(counting(wrapped), { deferred: counting(wrapped.deferred), immediate: counting(wrapped.immediate), exclusive: counting(wrapped.exclusive) });
  };
  probe.close();
  return counts;
}

export interface OpsRow {
  store: Kind;
  platform: 'slack' | 'teams';
  flow: Flow;
  operations: number;
  requestUnits: number;
  /** Embedded: commits (write statements run alone, top-level transactions). */
  transactions?: number;
  sequence: string[];
}

export async function measureAnswerOps(kind: Kind): Promise<OpsRow[]> {
  const clock = new ManualClock('2026-11-25T09:00:00.000Z');
  const ops: ChargedOperation[] = [];
  const sql = kind === 'embedded' ? countSql() : undefined;
  const cosmos = kind === 'cosmos' ? await startLoopbackCosmos() : undefined;
  const meter = new RequestChargeMeter({ debug: (fields) => ops.push(fields as ChargedOperation) });
  const inner: Store = cosmos ? await openCosmosStore({ client: cosmos.client(), databaseId: 'answer-ops', createIfMissing: true, meter }) : openEmbeddedStore({ path: ':memory:', clock });
  await seedSchool(inner);
  await inner.sessions.create(session(TENANT, 'ses-next', { startsAt: '2026-12-01T16:00:00.000Z', endsAt: '2026-12-01T17:30:00.000Z', capacity: 40 }));
  const actors = new ActorCache({ clock });
  const store = actors.watch(inner);
  const logger = pino({ level: 'silent' });
  const slackApi = new FakeSlackApi();
  await slackApi.start();
  const connector = await startFakeConnector();
  const slack = createSlackBot({ store, clock, logger, actors, config: { botToken: 'xoxb-ops', signingSecret: SECRET, slackApiUrl: slackApi.apiUrl } });
  const teams = createTeamsBot({ store, clock, logger, actors, config: { appType: 'MultiTenant' } });
  const server: Server = await new Promise((resolve) => {
    const s = createHttpApp({ store, logger, routers: [teams.router, slack.router] }).listen(0, '127.0.0.1', () => resolve(s));
  });
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const world = { connector, clock } as unknown as ReliabilityWorld;

  const postSlack = async (body: string) => {
    await fetch(`${base}${SLACK_EVENTS_PATH}`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', ...slackSignatureHeaders(SECRET, body, Math.floor(clock.now().getTime() / 1000)) },
      body,
    });
    await slack.drain();
  };
  const postTeams = async (activity: unknown) => {
    await fetch(`${base}/api/messages`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(activity) });
  };
  const rsvpPress = (who: { slackId: string }, trigger: string) =>
    slackForm({
      type: 'block_actions',
      user: { id: who.slackId, team_id: SLACK_TEAM },
      team: { id: SLACK_TEAM },
      api_app_id: 'A1',
      token: 'legacy',
      trigger_id: trigger,
      container: { type: 'message', channel_id: `D${who.slackId}`, message_ts: '1700000000.000200' },
      channel: { id: `D${who.slackId}` },
      message: { ts: '1700000000.000200' },
      actions: [{ action_id: 'rsvp.yes', value: JSON.stringify({ verb: 'rsvp.yes', sessionId: 'ses-next' }) }],
    });

  const rows: OpsRow[] = [];
  const measure = async (platform: 'slack' | 'teams', flow: Flow, send: () => Promise<void>) => {
    ops.length = 0;
    if (sql) sql.sequence.length = 0;
    const before = sql ? { ...sql } : undefined;
    await send();
    rows.push({
      store: kind,
      platform,
      flow,
      operations: sql && before ? sql.statements - before.statements : ops.length,
      requestUnits: ops.reduce((sum, o) => sum + o.requestCharge, 0),
      ...(sql && before ? { transactions: sql.transactions - before.transactions } : {}),
      sequence: sql ? [...sql.sequence] : ops.map((o) => `${o.operation} ${o.collection}`),
    });
  };

  // Slack: Jo, resolved by a first press (a "no" to the session, which a later yes replaces).
  const jo = PEOPLE.jo;
  await postSlack(slackForm(viewSubmission(jo, 'V-warm', 'gap.plan.submit', { gapTaskId: gapTaskId('ses-1', 'stf-lead') }, {})));
  await measure('slack', 'answer', () => postSlack(slackForm(viewSubmission(jo, 'V-answer', 'questionnaire.submit', { questionnaireId: 'qn-1', sessionId: 'ses-1' }, GOOD_ANSWERS))));
  await measure('slack', 'RSVP', () => postSlack(rsvpPress(jo, 'trg-rsvp')));
  await measure('slack', 'gap-task report', () => postSlack(slackForm(viewSubmission(jo, 'V-report', 'gap.report.submit', { gapTaskId: gapTaskId('ses-1', 'stf-jo') }, GOOD_REPORT))));
  // Teams: Sam, resolved by a first invoke.
  const sam = PEOPLE.sam;
  await postTeams(invokeActivity(world, sam, 'gap.plan.open', { gapTaskId: gapTaskId('ses-1', 'stf-sam') }));
  await measure('teams', 'answer', () => postTeams(invokeActivity(world, sam, 'questionnaire.submit', { questionnaireId: 'qn-1', sessionId: 'ses-1', ...GOOD_ANSWERS })));
  await measure('teams', 'RSVP', () => postTeams(invokeActivity(world, sam, 'rsvp.yes', { sessionId: 'ses-next' })));
  await measure('teams', 'gap-task report', () => postTeams(invokeActivity(world, sam, 'gap.report.submit', { gapTaskId: gapTaskId('ses-1', 'stf-sam'), ...GOOD_REPORT })));

  // Each flow must have done its work: counts of a refusal or a failure would mean nothing.
  for (const who of ['stf-jo', 'stf-sam']) {
    const answered = (await inner.responses.find(TENANT, { where: { respondentId: who } })).length;
    const rsvp = (await inner.participations.get(TENANT, participationId('ses-next', who)))?.value.rsvp;
    const report = (await inner.gapTasks.get(TENANT, gapTaskId('ses-1', who)))?.value.status;
    if (answered !== 1 || rsvp !== 'yes' || report !== 'reported') throw new Error(`a flow did not store its work for ${who}: ${JSON.stringify({ answered, rsvp, report })}`);
  }
  server.closeAllConnections();
  server.close();
  await slackApi.stop();
  await connector.stop();
  await inner.close();
  await cosmos?.stop();
  return rows;
}

export function answerOpsTable(rows: OpsRow[]): string {
  const lines = [
    'store operations per flow, through the real bot, the person already resolved (Cosmos: requests to cosmosdb-server, RU = the emulator\'s 1 per request; embedded: SQL statements, commits)',
    '| store | platform | flow | operations | request units | commits |',
    '|---|---|---|---|---|---|',
    ...rows.map((r) => `| ${r.store} | ${r.platform} | ${r.flow} | ${r.operations} | ${r.store === 'cosmos' ? r.requestUnits : '-'} | ${r.transactions ?? '-'} |`),
  ];
  return lines.join('\n');
}

if (require.main === module) {
  void (async () => {
    const rows = [...(await measureAnswerOps('embedded')), ...(await measureAnswerOps('cosmos'))];
    console.log(answerOpsTable(rows));
    if (process.argv.includes('--sequence')) for (const r of rows) console.log(`\n${r.store} ${r.platform} ${r.flow}: ${r.sequence.join(' → ')}`);
  })();
}
