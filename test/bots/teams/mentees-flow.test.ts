import { onBothStores } from '../../support/both-stores';
import { FakeConnector } from '../../support/fake-connector';
import { MENTORING_NOW, SECRET, mentoringTenant, seedMentoringWorld, type Person } from '../../support/mentoring-world';
import { adaptiveCardProblems } from '../../cards/adaptive/validate-adaptive-card';
import { AAD_TENANT, cardText, installActivity, messageActivity, postActivity, startTeamsHarness, type TeamsHarness, type TeamsUser } from './teams-harness';

const user = (who: Person, name: string): TeamsUser => ({ userId: `29:${who}`, aadObjectId: `aad-${who}`, name, conversationId: `a:personal-${who}` });
const MEL = user('mel', 'Mel Mentor');
const NIA = user('nia', 'Nia Nobody');
const TIA = user('tia', 'Tia Tutor');

/** Issue 30 item 5 in Teams: `mentees` and `induction` typed in personal chat, through botbuilder and the fake connector. */
onBothStores('mentees-teams', (label, open, done) => {
  describe(`mentees and induction in Teams (${label})`, () => {
    let h: TeamsHarness;
    beforeAll(async () => {
      h = await startTeamsHarness({}, { openStore: open });
      h.clock.set(MENTORING_NOW);
      await seedMentoringWorld(h.store, (who) => ({ teams: { aadObjectId: `aad-${who}`, userId: `29:${who}` } }));
      await h.store.tenants.put({ ...mentoringTenant(), teamsTenantId: AAD_TENANT });
      for (const u of [MEL, NIA, TIA]) await postActivity(h, installActivity(h, u));
    });
    afterAll(async () => {
      await h.close();
      await done();
    });

    async function say(u: TeamsUser, text: string): Promise<{ card: unknown; text: string }> {
      const before = h.connector.activities.length;
      expect((await postActivity(h, messageActivity(h, u, text))).status).toBe(200);
      const card = FakeConnector.card(h.connector.activities.slice(before).at(-1));
      return { card, text: cardText(card) };
    }

    it('a mentor sees their own current mentees, with next meeting, meetings held and open actions', async () => {
      const { card, text } = await say(MEL, 'mentees');
      expect(adaptiveCardProblems(card)).toEqual([]);
      expect(text).toContain('Your mentees');
      expect(text).toContain('Ada Early · subject mentor');
      expect(text).toContain('Next: week of Monday 23 November: Planning for progress');
      expect(text).toContain('1 of 4 meetings held · 1 overdue · 2 open actions (1 overdue)');
      expect(text).toContain('Eve Early · professional mentor');
      expect(text).not.toMatch(/Fay Early|Zed Other|Cole Coach/);
      expect(JSON.stringify(card)).not.toMatch(SECRET);
    });

    it('a person who mentors nobody gets a clear sentence', async () => {
      expect((await say(NIA, 'mentees')).text).toContain('You are not anyone’s mentor, coach or induction tutor in Twilight at the moment');
    });

    it("an induction tutor's `induction` shows their early-career teachers and their school's with no mentor", async () => {
      const { card, text } = await say(TIA, 'induction');
      expect(adaptiveCardProblems(card)).toEqual([]);
      expect(text).toContain('Your early-career teachers');
      expect(text).toContain('Meetings held 2 of 4 so far (5 in the programme)');
      expect(text).toContain('Latest review: at risk (2026-27, term 1)');
      expect(text).toContain('Early-career teachers with no mentor');
      for (const name of ['Ada Early', 'Ben Early', 'Cat Early', 'Fay Early']) expect(text).toContain(name);
      expect(text).not.toMatch(/Eve Early|Dan Early|Zed Other/);
      expect(JSON.stringify(card)).not.toMatch(SECRET);
    });
  });
});
