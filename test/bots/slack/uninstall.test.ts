import pino from 'pino';
import { composeMessage } from '../../../src/app/compose-message';
import { Dispatcher } from '../../../src/scheduler/send/dispatcher';
import { JO, TENANT, outboxRecord, postSigned, seedSchool, startSlackHarness, type SlackHarness } from './slack-harness';

describe('Slack app_uninstalled and tokens_revoked via signed requests (real bolt App, fake Slack Web API)', () => {
  let h: SlackHarness;
  let dispatcher: Dispatcher;
  beforeAll(async () => {
    h = await startSlackHarness();
    await seedSchool(h);
    await h.bot.linkStaffByEmail(TENANT);
    dispatcher = new Dispatcher({
      store: h.store,
      clock: h.clock,
      logger: pino({ level: 'silent' }),
      senders: [h.bot.sender],
      compose: (d) => composeMessage(h, d),
      instanceId: 'slack-uninstall-test',
    });
  });
  afterAll(() => h.close());

  const postEvent = async (eventId: string, event: Record<string, unknown>, headers: Record<string, string> = {}) => {
    const body = JSON.stringify({ type: 'event_callback', token: 'legacy', team_id: h.api.teamId, api_app_id: 'A1', event_id: eventId, event_time: 1, event });
    const reply = await postSigned(h, body, { contentType: 'application/json', headers });
    await h.bot.drain();
    return reply;
  };
  const staffVersions = async () => (await h.store.staff.find(TENANT)).map((r) => [r.value.id, r.version]);
  const slackLinks = async () => (await h.store.staff.find(TENANT)).map((r) => [r.value.id, r.value.slack?.teamId ?? null]);

  it('tokens_revoked for user tokens only changes nothing: the bot still reaches everyone', async () => {
    expect(await slackLinks()).toEqual([
      ['stf-jo', 'T0SCHOOL'],
      ['stf-lead', 'T0SCHOOL'],
    ]);
    const before = await staffVersions();
    expect((await postEvent('EvR1', { type: 'tokens_revoked', tokens: { oauth: ['UJO'] } })).status).toBe(200);
    expect(await staffVersions()).toEqual(before);
  });

  it('an uninstall event of another shape is acknowledged and changes nothing', async () => {
    const before = await staffVersions();
    expect((await postEvent('EvX', { type: 'tokens_revoked', tokens: 'all of them' })).status).toBe(200);
    expect((await postEvent('EvY', { type: 'tokens_revoked' })).status).toBe(200);
    expect(await staffVersions()).toEqual(before);
  });

  it("app_uninstalled removes everyone's link to that workspace; its retry and a later tokens_revoked change nothing more", async () => {
    const event = { type: 'app_uninstalled' };
    expect((await postEvent('EvU1', event)).status).toBe(200);
    expect(await slackLinks()).toEqual([
      ['stf-jo', null],
      ['stf-lead', null],
    ]);
    const before = await staffVersions();
    expect((await postEvent('EvU1', event, { 'x-slack-retry-num': '1', 'x-slack-retry-reason': 'http_timeout' })).status).toBe(200);
    expect((await postEvent('EvR2', { type: 'tokens_revoked', tokens: { bot: ['UBOT'] } })).status).toBe(200);
    expect(await staffVersions()).toEqual(before);
  });

  it('the dispatcher then records the message failed at once, with the reason, and calls no Web API', async () => {
    const posts = h.api.callsOf('chat.postMessage').length;
    const record = { ...outboxRecord('stf-jo', 'invitation', { sessionId: 'ses-1' }), dueAt: h.clock.now().toISOString() };
    await h.store.deliveries.create(record);
    await dispatcher.dispatchUntilIdle();
    const after = (await h.store.deliveries.get(TENANT, record.id))!.value;
    expect(after).toMatchObject({ status: 'failed', lastError: 'unreachable: no linked Teams or Slack account' });
    expect(after.nextAttemptAt).toBeUndefined();
    expect(h.api.callsOf('chat.postMessage').length).toBe(posts);
  });

  it('after a reinstall, the next contact links the person again (by e-mail)', async () => {
    expect((await postEvent('EvH1', { type: 'app_home_opened', user: JO.id, tab: 'home', channel: 'DJO' })).status).toBe(200);
    expect((await h.store.staff.get(TENANT, 'stf-jo'))?.value.slack).toEqual({ userId: JO.id, teamId: 'T0SCHOOL' });
  });

  it("tokens_revoked for the bot's token removes the link again", async () => {
    expect((await postEvent('EvR3', { type: 'tokens_revoked', tokens: { oauth: [], bot: ['UBOT'] } })).status).toBe(200);
    expect(await slackLinks()).toEqual([
      ['stf-jo', null],
      ['stf-lead', null],
    ]);
  });

});
