import { composeMessage } from '../../../src/app/compose-message';
import { participationId } from '../../../src/domain';
import { FakeConnector } from '../../support/fake-connector';
import { adaptiveCardProblems } from '../../cards/adaptive/validate-adaptive-card';
import {
  JO,
  TENANT,
  cardActionActivity,
  installActivity,
  invokeCard,
  outboxRecord,
  postActivity,
  seedSchool,
  startTeamsHarness,
  type TeamsHarness,
} from './teams-harness';

type Json = Record<string, unknown>;

function texts(card: Json | undefined): string {
  return JSON.stringify(card ?? {});
}

async function sendOutbox(h: TeamsHarness, kind: Parameters<typeof outboxRecord>[1], subject: Parameters<typeof outboxRecord>[2]) {
  const composed = await composeMessage(h, outboxRecord('stf-jo', kind, subject));
  if (!composed.ok) throw new Error(composed.reason);
  return h.bot.sender.send(composed.recipient, composed.message, outboxRecord('stf-jo', kind, subject));
}

describe('Teams flow via fake connector (real botbuilder CloudAdapter, real express server)', () => {
  let h: TeamsHarness;
  beforeAll(async () => {
    h = await startTeamsHarness();
    await seedSchool(h);
  });
  afterAll(() => h.close());

  it('install → invitation → RSVP → reminder → questionnaire → one stored answer → thank-you', async () => {
    // Install in personal scope: the reference is stored, the person linked and greeted.
    const install = await postActivity(h, installActivity(h, JO));
    expect(install.status).toBe(200);
    const refs = await h.store.conversations.find(TENANT, { where: { staffId: 'stf-jo' } });
    expect(refs.map((r) => r.value.scope)).toEqual(['personal']);
    expect((await h.store.staff.get(TENANT, 'stf-jo'))?.value.teams).toEqual({ aadObjectId: JO.aadObjectId, userId: JO.userId });
    expect(texts(FakeConnector.card(h.connector.sentTo(JO.conversationId)[0]))).toContain('What I can do');

    // Invitation, proactively through the stored reference.
    const invitation = await sendOutbox(h, 'invitation', { sessionId: 'ses-1' });
    expect(invitation).toMatchObject({ status: 'sent', conversationId: JO.conversationId });
    const invitationCard = FakeConnector.card(h.connector.activities.at(-1));
    expect(texts(invitationCard)).toContain('Retrieval practice that sticks');
    expect(invitationCard?.refresh).toMatchObject({ action: { verb: 'refresh', data: { sessionId: 'ses-1' } }, userIds: [JO.userId] });

    // RSVP via Action.Execute: the invoke answers with the updated card.
    const rsvp = await postActivity(h, cardActionActivity(h, JO, 'rsvp.yes', { sessionId: 'ses-1' }));
    expect(rsvp.status).toBe(200);
    const rsvpCard = invokeCard(rsvp.body);
    expect(rsvpCard).toMatchObject({ statusCode: 200, type: 'application/vnd.microsoft.card.adaptive' });
    expect(texts(rsvpCard.value as unknown as Json)).toContain("You're booked on");
    expect((await h.store.participations.get(TENANT, participationId('ses-1', 'stf-jo')))?.value.rsvp).toBe('yes');

    // Reminder the day before.
    h.clock.set('2026-11-23T09:00:00.000Z');
    expect(await sendOutbox(h, 'reminder-day-before', { sessionId: 'ses-1' })).toMatchObject({ status: 'sent' });
    expect(texts(FakeConnector.card(h.connector.activities.at(-1)))).toContain('Tomorrow');

    // After the session: the questionnaire.
    h.clock.set('2026-11-24T18:00:00.000Z');
    expect(await sendOutbox(h, 'questionnaire', { questionnaireId: 'qn-1' })).toMatchObject({ status: 'sent' });
    const questionnaireCard = FakeConnector.card(h.connector.activities.at(-1));
    expect((questionnaireCard?.body as Json[]).some((e) => e.id === 'quality')).toBe(true);

    // The same submit arrives twice (a retried invoke): one answer is stored, both get thank-you.
    const answers = { questionnaireId: 'qn-1', quality: '4', impact: '5', further_cpd: 'yes', further_cpd_topic: 'Questioning', comments: 'Useful.' };
    const first = await postActivity(h, cardActionActivity(h, JO, 'questionnaire.submit', answers));
    const second = await postActivity(h, cardActionActivity(h, JO, 'questionnaire.submit', answers));
    for (const reply of [first, second]) {
      expect(reply.status).toBe(200);
      expect(texts(invokeCard(reply.body).value as unknown as Json)).toMatch(/Thank you/i);
      expect(invokeCard(reply.body).value?.actions).toBeUndefined();
    }
    const stored = await h.store.responses.find(TENANT, {});
    expect(stored).toHaveLength(1);
    expect(stored[0]?.value.answers).toMatchObject({ quality: 4, impact: 5, further_cpd: true });

    // Every card the bot sent or answered with is valid Adaptive Card 1.5.
    const cards = [...h.connector.activities.map((a) => FakeConnector.card(a)), ...[rsvp, first, second].map((r) => invokeCard(r.body).value)];
    expect(cards).toHaveLength(h.connector.activities.length + 3);
    for (const card of cards) expect(adaptiveCardProblems(card)).toEqual([]);
  });
});
