import { SLACK_EVENTS_PATH } from '../../../src/bots/slack/router-receiver';
import { composeMessage } from '../../../src/app/compose-message';
import { participationId } from '../../../src/domain';
import { slashCommandBody } from '../../support/slack-signing';
import { JO, LEAD, TENANT, buttonPress, findButton, modalSubmission, outboxRecord, postInteraction, postSigned, seedSchool, startSlackHarness, type SlackHarness } from './slack-harness';

type Json = Record<string, unknown>;

describe('Slack request verification, bad input and sending via fake Slack API (real bolt App)', () => {
  let h: SlackHarness;
  beforeAll(async () => {
    h = await startSlackHarness();
    await seedSchool(h);
    await h.bot.linkStaffByEmail(TENANT);
    // Jo is booked on the session, so the questionnaire is hers to answer.
    await h.store.participations.create({ tenantId: TENANT, id: participationId('ses-1', 'stf-jo'), sessionId: 'ses-1', staffId: 'stf-jo', rsvp: 'yes' });
  });
  afterAll(() => h.close());

  const rsvpPress = () => buttonPress(JO, { channel: 'DJO', ts: '1.1' }, { action_id: 'rsvp.no', value: JSON.stringify({ verb: 'rsvp.no', sessionId: 'ses-1' }) }, `trg-${Math.random()}`);

  async function rsvp(): Promise<string | undefined> {
    return (await h.store.participations.get(TENANT, participationId('ses-1', 'stf-jo')))?.value.rsvp;
  }

  it('answers 401 to unsigned, wrongly signed, stale and future requests, and changes nothing', async () => {
    const body = new URLSearchParams({ payload: JSON.stringify(rsvpPress()) }).toString();
    const callsBefore = h.api.calls.length;
    const unsigned = await fetch(`${h.baseUrl}${SLACK_EVENTS_PATH}`, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body });
    const now = Math.floor(h.clock.now().getTime() / 1000);
    const wrong = await postSigned(h, body, { secret: 'not-the-secret' });
    const stale = await postSigned(h, body, { timestamp: now - 5 * 60 - 1 });
    const future = await postSigned(h, body, { timestamp: now + 10 * 60 });
    const tampered = await postSigned(h, body, { headers: { 'x-slack-signature': 'v0=' + '0'.repeat(64) } });
    await h.bot.drain();
    expect([unsigned.status, wrong.status, stale.status, future.status, tampered.status]).toEqual([401, 401, 401, 401, 401]);
    expect(await rsvp()).toBe('yes');
    expect(h.api.calls.length).toBe(callsBefore);
    // Just inside the window is accepted.
    const fresh = await postSigned(h, body, { timestamp: now - 4 * 60 });
    await h.bot.drain();
    expect(fresh.status).toBe(200);
    expect(await rsvp()).toBe('no');
  });

  it('answers bad modal input with field errors beside the fields and writes nothing', async () => {
    h.clock.set('2026-11-24T18:00:00.000Z');
    const record = outboxRecord('stf-jo', 'questionnaire', { questionnaireId: 'qn-1' });
    const composed = await composeMessage(h, record);
    if (!composed.ok) throw new Error(composed.reason);
    await h.store.participations.put({ tenantId: TENANT, id: participationId('ses-1', 'stf-jo'), sessionId: 'ses-1', staffId: 'stf-jo', rsvp: 'yes' });
    const sent = await h.bot.sender.send(composed.recipient, composed.message, record);
    const ts = (sent as { messageId: string }).messageId;
    await postInteraction(h, buttonPress(JO, { channel: 'DJO', ts }, findButton(h.api.callsOf('chat.postMessage').at(-1)!.args.blocks, 'questionnaire.open'), 'trg-open-bad'));
    const modal = h.api.callsOf('views.open').at(-1)!.args.view as Json;
    const updatesBefore = h.api.callsOf('chat.update').length;

    // A rating outside 1..5 and a missing required answer (as a forged payload could send).
    const bad = await postInteraction(h, modalSubmission(JO, modal, 'V-bad', { quality: '9', further_cpd: 'yes' }));
    expect(bad.status).toBe(200);
    expect(bad.json).toEqual({
      response_action: 'errors',
      errors: { 'field:quality': 'Choose a rating from 1 to 5.', 'field:impact': 'Please answer this question.' },
    });
    expect(await h.store.responses.count(TENANT)).toBe(0);
    expect(await h.store.receipts.count(TENANT)).toBe(0);
    expect(h.api.callsOf('chat.update').length).toBe(updatesBefore);

    // Corrected in the same modal (same view id): now it is stored.
    const good = await postInteraction(h, modalSubmission(JO, modal, 'V-bad', { quality: '3', impact: '2', further_cpd: 'no' }));
    expect(good.text).toBe('');
    expect(await h.store.responses.count(TENANT)).toBe(1);
  });

  it('refuses an unreadable private_metadata with an error and writes nothing', async () => {
    const modal = { callback_id: 'gap.plan.submit', private_metadata: 'not json', blocks: [{ type: 'input', block_id: 'field:takeBack', element: { type: 'plain_text_input', action_id: 'answer' } }] };
    const reply = await postInteraction(h, modalSubmission(JO, modal, 'V-junk', { takeBack: 'x' }));
    expect(reply.json).toMatchObject({ response_action: 'errors', errors: { 'field:takeBack': expect.stringContaining('could not be read') } });
  });

  it('/cpd sessions acks at once and answers through response_url; /cpd new opens the modal for a lead only', async () => {
    const command = (user: { id: string }, text: string, trigger: string) =>
      slashCommandBody({ command: '/cpd', text, user_id: user.id, team_id: 'T0SCHOOL', channel_id: 'C1', trigger_id: trigger, response_url: `${h.api.url}/response/${trigger}` });
    const reply = await postSigned(h, command(JO, 'sessions', 'trg-s'));
    await h.bot.drain();
    expect(reply.status).toBe(200);
    const response = h.api.callsOf('/response/trg-s')[0]!.args;
    expect(response.response_type).toBe('ephemeral');
    expect(JSON.stringify(response.blocks)).toContain('Upcoming CPD sessions');

    await postSigned(h, command(JO, 'new', 'trg-n1'));
    await postSigned(h, command(LEAD, 'new', 'trg-n2'));
    await h.bot.drain();
    expect(h.api.callsOf('/response/trg-n1')[0]!.args.text).toMatch(/Only CPD leads/);
    expect(h.api.callsOf('views.open').filter((c) => c.args.trigger_id === 'trg-n2').map((c) => (c.args.view as Json).callback_id)).toEqual(['session.create']);
  });

  it('publishes App Home on app_home_opened; a retried event changes nothing', async () => {
    const event = JSON.stringify({ type: 'event_callback', team_id: 'T0SCHOOL', event_id: 'Ev1', event_time: 1, event: { type: 'app_home_opened', user: JO.id, tab: 'home', channel: 'DJO' } });
    await postSigned(h, event, { contentType: 'application/json' });
    await h.bot.drain();
    const again = await postSigned(h, event, { contentType: 'application/json', headers: { 'x-slack-retry-num': '1', 'x-slack-retry-reason': 'http_timeout' } });
    await h.bot.drain();
    expect(again.status).toBe(200);
    const published = h.api.callsOf('views.publish');
    expect(published).toHaveLength(1);
    expect(published[0]!.args).toMatchObject({ user_id: JO.id, view: { type: 'home' } });
    expect(JSON.stringify(published[0]!.args.view)).toContain('Open gap tasks');
  });

  it('answers url_verification with the challenge', async () => {
    const reply = await postSigned(h, JSON.stringify({ type: 'url_verification', challenge: 'abc123', token: 't' }), { contentType: 'application/json' });
    expect(reply.json).toEqual({ challenge: 'abc123' });
  });

  it('reports a 429 as throttled with Retry-After, and a departed user as unreachable', async () => {
    const record = outboxRecord('stf-jo', 'invitation', { sessionId: 'ses-1' });
    const composed = await composeMessage(h, record);
    if (!composed.ok) throw new Error(composed.reason);
    h.api.throttle('chat.postMessage', 30);
    expect(await h.bot.sender.send(composed.recipient, composed.message, record)).toEqual({ status: 'throttled', retryAfterMs: 30000 });
    h.api.fail('chat.postMessage', 'account_inactive');
    expect(await h.bot.sender.send(composed.recipient, composed.message, record)).toEqual({ status: 'unreachable', reason: 'account_inactive' });
    expect(await h.bot.sender.send(composed.recipient, composed.message, record)).toMatchObject({ status: 'sent' });
    expect(h.bot.sender.canReach({ ...composed.recipient, slack: undefined })).toBe(false);
  });

  it('tells an unknown Slack user why, and links nobody', async () => {
    h.api.users.set('USTRANGER', { id: 'USTRANGER', email: 'someone@elsewhere.example', name: 'Stranger' });
    await postInteraction(h, buttonPress({ id: 'USTRANGER' }, { channel: 'DSTRANGER', ts: '2.2' }, { action_id: 'rsvp.yes', value: JSON.stringify({ verb: 'rsvp.yes', sessionId: 'ses-1' }) }, 'trg-stranger'));
    expect(String(h.api.callsOf('chat.postMessage').at(-1)!.args.text)).toMatch(/don't know you yet/);
    expect((await h.store.staff.find(TENANT, { where: { 'slack.userId': 'USTRANGER' } })).length).toBe(0);
  });
});
