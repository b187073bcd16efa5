import { FakeConnector } from '../../support/fake-connector';
import { session } from '../../support/fixtures';
import { participationId } from '../../../src/domain';
import { JO, TENANT, cardActionActivity, cardElements, cardText, installActivity, invokeCard, messageActivity, postActivity, seedSchool, startTeamsHarness, type TeamsHarness } from './teams-harness';

type Json = Record<string, unknown>;

describe('what staff see first in Teams (real botbuilder via fake connector)', () => {
  let h: TeamsHarness;
  beforeAll(async () => {
    h = await startTeamsHarness();
    await seedSchool(h);
    await h.store.sessions.create(session(TENANT, 'ses-2', { title: 'Adaptive teaching', startsAt: '2026-11-26T16:00:00.000Z', endsAt: '2026-11-26T17:00:00.000Z' }));
    await postActivity(h, installActivity(h, JO));
  });
  afterAll(() => h.close());

  async function say(text: string): Promise<Json> {
    const before = h.connector.activities.length;
    await postActivity(h, messageActivity(h, JO, text));
    return FakeConnector.card(h.connector.activities.slice(before).at(-1)) as Json;
  }

  it('an RSVP on one row of `sessions` answers with the list, that row changed, not one invitation', async () => {
    const list = await say('sessions');
    const yes = cardElements(list).find((e) => e.type === 'Action.Execute' && e.verb === 'rsvp.yes' && (e.data as Json).sessionId === 'ses-1')!;
    const res = await postActivity(h, cardActionActivity(h, JO, 'rsvp.yes', yes.data as Json));
    expect((await h.store.participations.get(TENANT, participationId('ses-1', 'stf-jo')))?.value.rsvp).toBe('yes');
    const card = invokeCard(res.body).value;
    const text = cardText(card);
    expect(text).toContain('Upcoming sessions');
    expect(text).toContain('Retrieval practice that sticks');
    expect(text).toContain('Adaptive teaching');
    expect(text).toContain("You're booked on");
  });

  it('`tasks` and `my cpd` list an open questionnaire with "Answer now"; the questionnaire says whether answers are anonymous', async () => {
    await h.store.participations.put({ tenantId: TENANT, id: participationId('ses-1', 'stf-jo'), sessionId: 'ses-1', staffId: 'stf-jo', rsvp: 'yes' });
    h.clock.set('2026-11-25T10:00:00.000Z');
    for (const command of ['tasks', 'my cpd']) {
      const card = await say(command);
      expect(cardText(card)).toContain('How was the twilight?');
      const answer = cardElements(card).find((e) => e.type === 'Action.Execute' && e.verb === 'questionnaire.open');
      expect(answer).toMatchObject({ title: 'Answer now', data: { questionnaireId: 'qn-1' } });
    }
    const opened = await postActivity(h, cardActionActivity(h, JO, 'questionnaire.open', { questionnaireId: 'qn-1' }));
    const questionnaire = invokeCard(opened.body).value;
    expect(cardElements(questionnaire).some((e) => e.type === 'Action.Execute' && e.verb === 'questionnaire.submit')).toBe(true);
    // Named (not anonymous): the card says so, as it would say "Anonymous" otherwise.
    expect(cardText(questionnaire)).toContain('Not anonymous');
  });

  it('`digest` from someone with no reports says it is for line managers, not an empty team digest', async () => {
    const card = await say('digest');
    expect(cardText(card)).toMatch(/for line managers/);
    expect(cardText(card)).not.toContain('Your team');
  });
});

