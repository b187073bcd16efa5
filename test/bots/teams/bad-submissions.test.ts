import { participationId } from '../../../src/domain';
import { JO, TENANT, cardActionActivity, invokeCard, postActivity, seedSchool, startTeamsHarness, type TeamsHarness } from './teams-harness';

type Json = Record<string, unknown>;

const GOOD = { quality: '4', impact: '3', further_cpd: 'no' };

describe('bad submissions via fake connector: the card comes back with a clear error and nothing is written', () => {
  let h: TeamsHarness;
  beforeAll(async () => {
    h = await startTeamsHarness();
    await seedSchool(h);
    // Jo booked on and the questionnaire is open.
    await h.store.participations.create({ tenantId: TENANT, id: participationId('ses-1', 'stf-jo'), sessionId: 'ses-1', staffId: 'stf-jo', rsvp: 'yes', rsvpAt: '2026-11-20T09:00:00.000Z' });
    h.clock.set('2026-11-24T18:00:00.000Z');
  });
  afterAll(() => h.close());

  async function nothingStored(): Promise<void> {
    expect(await h.store.responses.count(TENANT, {})).toBe(0);
    expect(await h.store.receipts.count(TENANT, {})).toBe(0);
  }

  async function submit(data: Json) {
    const reply = await postActivity(h, cardActionActivity(h, JO, 'questionnaire.submit', data));
    expect(reply.status).toBe(200);
    const card = invokeCard(reply.body);
    expect(card).toMatchObject({ statusCode: 200, type: 'application/vnd.microsoft.card.adaptive' });
    return card.value as { body: Json[]; actions?: Json[] };
  }

  it('rating 9: the rating field shows the error and the other answers are kept', async () => {
    const card = await submit({ questionnaireId: 'qn-1', ...GOOD, quality: '9', comments: 'Kept text' });
    const i = card.body.findIndex((e) => e.id === 'quality');
    expect(card.body[i + 1]).toMatchObject({ type: 'TextBlock', text: 'Choose a rating from 1 to 5.' });
    expect(card.body.find((e) => e.id === 'impact')?.value).toBe('3');
    expect(card.body.find((e) => e.id === 'comments')?.value).toBe('Kept text');
    expect(card.actions?.[0]).toMatchObject({ verb: 'questionnaire.submit' });
    await nothingStored();
  });

  it('a 10 kB comment: told the limit, nothing stored', async () => {
    const card = await submit({ questionnaireId: 'qn-1', ...GOOD, comments: 'x'.repeat(10_000) });
    const i = card.body.findIndex((e) => e.id === 'comments');
    expect(String(card.body[i + 1]?.text)).toMatch(/Keep this to 2000 characters \(you wrote 10000\)/);
    await nothingStored();
  });

  it('an unknown questionnaire: a clear notice', async () => {
    const card = await submit({ questionnaireId: 'qn-nope', ...GOOD });
    expect(JSON.stringify(card)).toContain("can't find that questionnaire");
    await nothingStored();
  });

  it('an unknown session on an RSVP: a clear notice and no participation written', async () => {
    const reply = await postActivity(h, cardActionActivity(h, JO, 'rsvp.yes', { sessionId: 'ses-nope' }));
    expect(JSON.stringify(reply.body)).toContain("can't find that session");
    expect(await h.store.participations.get(TENANT, participationId('ses-nope', 'stf-jo'))).toBeUndefined();
  });

  it('a malformed button (unknown verb, bad id): a clear notice', async () => {
    const unknownVerb = await postActivity(h, cardActionActivity(h, JO, 'delete.everything', { sessionId: 'ses-1' }));
    expect(JSON.stringify(unknownVerb.body)).toContain("didn't understand that button");
    const badId = await postActivity(h, cardActionActivity(h, JO, 'questionnaire.submit', { questionnaireId: 'a/b?c', ...GOOD }));
    expect(JSON.stringify(badId.body)).toContain("didn't understand that button");
    await nothingStored();
  });

  it('an unknown person: told how to get added, nothing written', async () => {
    const stranger = { userId: '29:stranger', aadObjectId: 'aad-stranger', name: 'Stranger', conversationId: 'a:personal-stranger' };
    const reply = await postActivity(h, cardActionActivity(h, stranger, 'questionnaire.submit', { questionnaireId: 'qn-1', ...GOOD }));
    expect(JSON.stringify(reply.body)).toContain("I don't know you yet");
    await nothingStored();
  });

  it('a closed questionnaire: says it has closed, nothing stored', async () => {
    h.clock.set('2026-12-02T09:00:00.000Z');
    const card = await submit({ questionnaireId: 'qn-1', ...GOOD });
    expect(JSON.stringify(card)).toContain('this questionnaire has closed');
    expect(card.actions).toBeUndefined();
    await nothingStored();
  });
});
