import { PEOPLE, SLACK_TEAM, postSlack, slackForm, startReliabilityWorld, writeCounts, type ReliabilityWorld } from './support/reliability-world';

/**
 * Correctly signed requests whose envelope lacks what bolt reads before any listener runs (a
 * `user`, a `view`, an event's `user` or `channel` of the wrong shape). Bolt threw a TypeError
 * in App.processEvent (buildSource / getTypeAndConversation), outside its error handler: the
 * receiver answered 500, and Slack retries a 5xx. Now: 400 with X-Slack-No-Retry, before bolt.
 * Each case below was a 500 but one: a `user` that is a string (bolt read `.id` of it, got
 * nothing, and the listener dropped it), refused the same way now as an envelope Slack never sends.
 */
const team = { id: SLACK_TEAM };
const lead = { id: PEOPLE.lead.slackId, team_id: SLACK_TEAM };
const view = { id: 'V1', type: 'modal', callback_id: 'questionnaire.submit', private_metadata: '{}', state: { values: {} } };
/** A verb the bot answers with a Web API call, so a payload that got through would show. */
const actions = [{ action_id: 'refresh', value: JSON.stringify({ verb: 'refresh' }) }];

const INTERACTIVE: Record<string, Record<string, unknown>> = {
  'block_actions without user': { type: 'block_actions', team, trigger_id: 't1', actions },
  'block_actions with user null': { type: 'block_actions', user: null, team, trigger_id: 't1', actions },
  'block_actions with user a string': { type: 'block_actions', user: PEOPLE.lead.slackId, team, trigger_id: 't1', actions },
  'block_actions with channel null': { type: 'block_actions', user: lead, team, channel: null, trigger_id: 't1', actions },
  'view_submission without user': { type: 'view_submission', team, view },
  'view_submission without view': { type: 'view_submission', user: lead, team },
  'view_submission with view null and team null': { type: 'view_submission', user: lead, team: null, view: null },
  'view_submission with response_urls [null]': { type: 'view_submission', user: lead, team, view, response_urls: [null] },
  'view_closed without user': { type: 'view_closed', team, view },
  'shortcut without user': { type: 'shortcut', team, callback_id: 'x', trigger_id: 't1' },
  'message_action without user': { type: 'message_action', team, callback_id: 'x', trigger_id: 't1' },
  'block_suggestion without user': { type: 'block_suggestion', team, action_id: 'x', value: 'a' },
};
const EVENTS: Record<string, Record<string, unknown>> = {
  'event with user null': { type: 'app_home_opened', user: null, tab: 'home' },
  'event without user, with channel a number': { type: 'message', channel: 5 },
  'event with item a string': { type: 'reaction_added', user: PEOPLE.lead.slackId, item: 'x' },
  'event with subteam null': { type: 'subteam_created', subteam: null },
};

describe('signed Slack requests with an envelope bolt cannot read, via bolt and the fake Slack API', () => {
  let w: ReliabilityWorld;
  let baseline: Record<string, number>;
  beforeAll(async () => {
    w = await startReliabilityWorld();
    baseline = await writeCounts(w);
  });
  afterAll(() => w.close());

  /** Web API calls the bot made (bolt's own auth.test at start-up aside). */
  const botCalls = () => w.slackApi.calls.filter((c) => c.method !== 'auth.test').length;

  async function expectRefused(reply: { status: number; headers: Headers }): Promise<void> {
    expect(reply.status).toBe(400);
    expect(reply.headers.get('x-slack-no-retry')).toBe('1');
    expect(await writeCounts(w)).toEqual(baseline);
  }

  it.each(Object.entries(INTERACTIVE))('%s: 400, no retry, nothing written, no Web API call', async (_name, payload) => {
    const callsBefore = botCalls();
    await expectRefused(await postSlack(w, slackForm(payload)));
    expect(botCalls()).toBe(callsBefore);
  });

  it.each(Object.entries(EVENTS))('%s: 400, no retry, nothing written', async (_name, event) => {
    await expectRefused(await postSlack(w, JSON.stringify({ type: 'event_callback', team_id: SLACK_TEAM, event_id: 'Ev1', event }), { contentType: 'application/json' }));
  });

  it('an event callback with an authorization of null, or an `event` that is not an object on any body: 400', async () => {
    const bodies = [
      { type: 'event_callback', team_id: SLACK_TEAM, event_id: 'Ev2', event: { type: 'app_home_opened', user: PEOPLE.lead.slackId }, authorizations: [null] },
      { type: 'something_else', event: 5 },
    ];
    for (const body of bodies) await expectRefused(await postSlack(w, JSON.stringify(body), { contentType: 'application/json' }));
  });

  it('a user object bolt can read but the bot cannot use (no id) is acked with 200 and writes nothing', async () => {
    const reply = await postSlack(w, slackForm({ type: 'view_submission', user: {}, team, view }));
    expect(reply.status).toBe(200);
    expect(await writeCounts(w)).toEqual(baseline);
  });

  it('the same block action with its user in place still reaches the bot, which answers through the Web API', async () => {
    const callsBefore = botCalls();
    const reply = await postSlack(w, slackForm({ type: 'block_actions', user: lead, team, channel: { id: `D${PEOPLE.lead.slackId}` }, trigger_id: 't-ok', actions }));
    expect(reply.status).toBe(200);
    expect(reply.headers.get('x-slack-no-retry')).toBeNull();
    expect(botCalls()).toBeGreaterThan(callsBefore);
  });
});
