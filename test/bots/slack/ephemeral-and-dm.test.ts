import { participationId } from '../../../src/domain';
import { session } from '../../support/fixtures';
import { JO, TENANT, ephemeralButtonPress, findButton, postInteraction, postSigned, seedSchool, slashCommand, startSlackHarness, type SlackHarness } from './slack-harness';

type Json = Record<string, unknown>;

/** A DM typed to the bot, as Slack sends the `message.im` event. */
function dmEvent(eventId: string, event: Json): string {
  return JSON.stringify({ type: 'event_callback', team_id: 'T0SCHOOL', api_app_id: 'A1', event_id: eventId, event_time: 1, event: { type: 'message', channel_type: 'im', channel: 'DJO', ts: `17.${eventId}`, ...event } });
}

describe('Slack as real Slack behaves: ephemeral replies and DMs (real bolt App, signed requests, fake Slack API)', () => {
  let h: SlackHarness;
  beforeAll(async () => {
    h = await startSlackHarness();
    await seedSchool(h);
    await h.store.sessions.create(session(TENANT, 'ses-2', { title: 'Adaptive teaching', startsAt: '2026-11-26T16:00:00.000Z', endsAt: '2026-11-26T17:00:00.000Z' }));
    await h.bot.linkStaffByEmail(TENANT);
  });
  afterAll(() => h.close());

  it('an RSVP pressed on a `/cpd sessions` row is answered through response_url, and the list comes back with that row changed', async () => {
    await slashCommand(h, JO, 'sessions', 'trg-list');
    const list = h.api.ephemeralFrom('/response/trg-list')!;
    expect(JSON.stringify(list.args.blocks)).toContain('Adaptive teaching');

    const button = findButton(list.args.blocks, 'rsvp.yes');
    const updatesBefore = h.api.callsOf('chat.update').length;
    await postInteraction(h, ephemeralButtonPress(h, JO, list.ts, button, 'trg-row'));

    expect((await h.store.participations.get(TENANT, participationId('ses-1', 'stf-jo')))?.value.rsvp).toBe('yes');
    // Real Slack refuses chat.update on an ephemeral message: the bot must not rely on it.
    expect(h.api.callsOf('chat.update').slice(updatesBefore).filter((c) => c.args.ts === list.ts)).toEqual([]);
    const shown = h.api.ephemeral.get(list.ts)!.args;
    expect(shown.replace_original).toBe(true);
    const text = JSON.stringify(shown.blocks);
    // Still the whole list, both sessions, with the first one now answered.
    expect(text).toContain('Upcoming CPD sessions');
    expect(text).toContain('Retrieval practice that sticks');
    expect(text).toContain('Adaptive teaching');
    expect(text).toContain('You said you are going');
  });

  it('a command typed in the DM (message.im) is answered in the DM; the bot ignores its own messages and edits', async () => {
    const postsBefore = h.api.callsOf('chat.postMessage').length;
    const reply = await postSigned(h, dmEvent('EvDm1', { user: JO.id, text: 'sessions' }), { contentType: 'application/json' });
    await h.bot.drain();
    expect(reply.status).toBe(200);
    const answers = h.api.callsOf('chat.postMessage').slice(postsBefore);
    expect(answers).toHaveLength(1);
    expect(answers[0]!.args.channel).toBe('DJO');
    expect(JSON.stringify(answers[0]!.args.blocks)).toContain('Upcoming CPD sessions');

    // Slack retries the same event: nothing is answered twice.
    await postSigned(h, dmEvent('EvDm1', { user: JO.id, text: 'sessions' }), { contentType: 'application/json', headers: { 'x-slack-retry-num': '1', 'x-slack-retry-reason': 'http_timeout' } });
    // The bot's own message, another bot's message and an edit are not commands.
    await postSigned(h, dmEvent('EvDm2', { user: 'UBOT', bot_id: 'BBOT', text: 'Upcoming CPD sessions' }), { contentType: 'application/json' });
    await postSigned(h, dmEvent('EvDm3', { subtype: 'bot_message', bot_id: 'BOTHER', text: 'help' }), { contentType: 'application/json' });
    await postSigned(h, dmEvent('EvDm4', { subtype: 'message_changed', message: { user: JO.id, text: 'help' } }), { contentType: 'application/json' });
    await h.bot.drain();
    expect(h.api.callsOf('chat.postMessage').length).toBe(postsBefore + 1);

    // Unknown words get the help, which names commands as they are typed in the DM.
    await postSigned(h, dmEvent('EvDm5', { user: JO.id, text: 'what can you do' }), { contentType: 'application/json' });
    await h.bot.drain();
    const help = JSON.stringify(h.api.callsOf('chat.postMessage').at(-1)!.args.blocks);
    expect(help).toContain('sessions');
    expect(help).toMatch(/direct message|\/cpd/);
  });

  it('`/cpd tasks` lists an open questionnaire; "Answer now" opens it as a modal that says whether answers are anonymous', async () => {
    await h.store.participations.put({ tenantId: TENANT, id: participationId('ses-1', 'stf-jo'), sessionId: 'ses-1', staffId: 'stf-jo', rsvp: 'yes' });
    h.clock.set('2026-11-25T10:00:00.000Z');
    await slashCommand(h, JO, 'tasks', 'trg-tasks');
    const tasks = h.api.ephemeralFrom('/response/trg-tasks')!;
    expect(JSON.stringify(tasks.args.blocks)).toContain('How was the twilight?');
    const answer = findButton(tasks.args.blocks, 'questionnaire.open');
    expect(answer).toMatchObject({ text: { text: 'Answer now' } });
    await postInteraction(h, ephemeralButtonPress(h, JO, tasks.ts, answer, 'trg-answer'));
    const opened = h.api.callsOf('views.open').find((c) => c.args.trigger_id === 'trg-answer')!.args.view as Json;
    expect(opened.callback_id).toBe('questionnaire.submit');
    expect(JSON.stringify(opened.blocks)).toContain('Not anonymous');
  });

  it('`/cpd my`: an RSVP on an upcoming row and Refresh answer with the record again, through response_url', async () => {
    await h.store.participations.put({ tenantId: TENANT, id: participationId('ses-2', 'stf-jo'), sessionId: 'ses-2', staffId: 'stf-jo', rsvp: 'yes' });
    h.clock.set('2026-11-25T10:00:00.000Z');
    await slashCommand(h, JO, 'my', 'trg-my');
    const record = h.api.ephemeralFrom('/response/trg-my')!;
    expect(JSON.stringify(record.args.blocks)).toContain('CPD record');
    await postInteraction(h, ephemeralButtonPress(h, JO, record.ts, findButton(record.args.blocks, 'rsvp.no'), 'trg-my-no'));
    expect((await h.store.participations.get(TENANT, participationId('ses-2', 'stf-jo')))?.value.rsvp).toBe('no');
    const afterRsvp = h.api.ephemeral.get(record.ts)!.args;
    expect(afterRsvp.replace_original).toBe(true);
    expect(JSON.stringify(afterRsvp.blocks)).toContain('CPD record');
    await postInteraction(h, ephemeralButtonPress(h, JO, record.ts, findButton(afterRsvp.blocks, 'refresh'), 'trg-my-refresh'));
    const refreshed = JSON.stringify(h.api.ephemeral.get(record.ts)!.args.blocks);
    expect(refreshed).toContain('CPD record');
    expect(refreshed).not.toContain('missing');
  });
});

