import { composeMessage } from '../../../src/app/compose-message';
import { participationId } from '../../../src/domain';
import {
  JO,
  TENANT,
  buttonPress,
  findButton,
  modalSubmission,
  outboxRecord,
  postInteraction,
  seedSchool,
  startSlackHarness,
  type SlackHarness,
} from './slack-harness';

type Json = Record<string, unknown>;

async function sendOutbox(h: SlackHarness, kind: Parameters<typeof outboxRecord>[1], subject: Parameters<typeof outboxRecord>[2]) {
  const record = outboxRecord('stf-jo', kind, subject);
  const composed = await composeMessage(h, record);
  if (!composed.ok) throw new Error(composed.reason);
  return h.bot.sender.send(composed.recipient, composed.message, record);
}

describe('Slack flow via fake Slack API (real bolt App, signed requests, real express server)', () => {
  let h: SlackHarness;
  beforeAll(async () => {
    h = await startSlackHarness();
    await seedSchool(h);
  });
  afterAll(() => h.close());

  it('invitation DM → RSVP → reminder → questionnaire modal → one stored answer (also on retry) → message updated', async () => {
    // Jo is linked by e-mail before any contact, so the invitation can be a proactive DM.
    expect(await h.bot.linkStaffByEmail(TENANT)).toEqual({ tenantId: TENANT, linked: 2, notFound: 0 });
    const jo = (await h.store.staff.get(TENANT, 'stf-jo'))!.value;
    expect(jo.slack).toEqual({ userId: JO.id, teamId: 'T0SCHOOL' });

    const invitation = await sendOutbox(h, 'invitation', { sessionId: 'ses-1' });
    expect(invitation).toMatchObject({ status: 'sent', conversationId: 'DJO' });
    const posted = h.api.callsOf('chat.postMessage').at(-1)!.args;
    expect(posted.channel).toBe(JO.id);
    expect(JSON.stringify(posted.blocks)).toContain('Retrieval practice that sticks');
    const dm = { channel: 'DJO', ts: (invitation as { messageId: string }).messageId };

    // RSVP: the button's value is the CardAction; the DM is updated in place.
    const rsvp = await postInteraction(h, buttonPress(JO, dm, findButton(posted.blocks, 'rsvp.yes'), 'trg-rsvp'));
    expect(rsvp.status).toBe(200);
    expect((await h.store.participations.get(TENANT, participationId('ses-1', 'stf-jo')))?.value.rsvp).toBe('yes');
    const updated = h.api.callsOf('chat.update').at(-1)!.args;
    expect(updated).toMatchObject({ channel: dm.channel, ts: dm.ts });
    expect(JSON.stringify(updated.blocks)).toContain('You said you are going');

    // Reminder the day before.
    h.clock.set('2026-11-23T09:00:00.000Z');
    expect(await sendOutbox(h, 'reminder-day-before', { sessionId: 'ses-1' })).toMatchObject({ status: 'sent' });
    expect(String(h.api.callsOf('chat.postMessage').at(-1)!.args.text)).toContain('Reminder');

    // After the session: the questionnaire DM, whose button opens a modal.
    h.clock.set('2026-11-24T18:00:00.000Z');
    const sent = await sendOutbox(h, 'questionnaire', { questionnaireId: 'qn-1' });
    expect(sent.status).toBe('sent');
    const qDm = { channel: 'DJO', ts: (sent as { messageId: string }).messageId };
    const qBlocks = h.api.callsOf('chat.postMessage').at(-1)!.args.blocks;
    await postInteraction(h, buttonPress(JO, qDm, findButton(qBlocks, 'questionnaire.open'), 'trg-open'));
    const opened = h.api.callsOf('views.open').at(-1)!.args;
    expect(opened.trigger_id).toBe('trg-open');
    const modal = opened.view as Json;
    expect(modal.callback_id).toBe('questionnaire.submit');
    expect(JSON.parse(String(modal.private_metadata))).toMatchObject({ channel: qDm.channel, ts: qDm.ts });

    // Submit; then Slack retries the same submission. One answer is stored, the DM updated once.
    const answers = { quality: '4', impact: '5', further_cpd: 'yes', further_cpd_topic: 'Questioning', comments: 'Useful.' };
    const submission = modalSubmission(JO, modal, 'V-q1', answers);
    const updatesBefore = h.api.callsOf('chat.update').length;
    const first = await postInteraction(h, submission);
    expect(first.status).toBe(200);
    expect(first.text).toBe('');
    const retry = await postInteraction(h, submission, { 'x-slack-retry-num': '1', 'x-slack-retry-reason': 'http_timeout' });
    expect(retry.status).toBe(200);
    expect(await h.store.responses.count(TENANT, { questionnaireId: 'qn-1' })).toBe(1);
    expect((await h.store.responses.find(TENANT, { where: { questionnaireId: 'qn-1' } }))[0]!.value).toMatchObject({ answers: { quality: 4, impact: 5, further_cpd: true } });
    const thanks = h.api.callsOf('chat.update').slice(updatesBefore);
    expect(thanks).toHaveLength(1);
    expect(thanks[0]!.args).toMatchObject({ channel: qDm.channel, ts: qDm.ts });
    expect(JSON.stringify(thanks[0]!.args.blocks)).toMatch(/thank/i);
  });
});
