import { onBothStores } from '../../support/both-stores';
import { MENTORING_NOW, SECRET, mentoringTenant, seedMentoringWorld, type Person } from '../../support/mentoring-world';
import { slackLimitBreaches } from '../../cards/blockkit/slack-limits';
import { slashCommand, startSlackHarness, type SlackHarness } from './slack-harness';

const slackId = (who: Person) => `U${who.toUpperCase()}`;

/** Issue 30 item 5 in Slack: `/cpd mentees` and `/cpd induction`, through real Bolt with signed requests and the fake Slack Web API. */
onBothStores('mentees-slack', (label, open, done) => {
  describe(`mentees and induction in Slack (${label})`, () => {
    let h: SlackHarness;
    beforeAll(async () => {
      h = await startSlackHarness({ openStore: open });
      h.clock.set(MENTORING_NOW);
      await seedMentoringWorld(h.store, (who) => ({ slack: { userId: slackId(who), teamId: h.api.teamId } }));
      await h.store.tenants.put({ ...mentoringTenant(), slackTeamId: h.api.teamId });
      for (const [who, name] of [['mel', 'Mel Mentor'], ['nia', 'Nia Nobody'], ['tia', 'Tia Tutor']] as const) {
        h.api.users.set(slackId(who), { id: slackId(who), email: `${who}@m.example`, name });
      }
    });
    afterAll(async () => {
      await h.close();
      await done();
    });

    async function say(who: Person, text: string, trigger: string): Promise<{ blocks: unknown; text: string }> {
      await slashCommand(h, { id: slackId(who) }, text, trigger);
      const reply = h.api.ephemeralFrom(`/response/${trigger}`)!;
      return { blocks: reply.args.blocks, text: JSON.stringify(reply.args.blocks) };
    }

    it('a mentor sees their own current mentees, with next meeting, meetings held and open actions', async () => {
      const { blocks, text } = await say('mel', 'mentees', 'trg-mel');
      expect(slackLimitBreaches({ text: 'Your mentees', blocks } as never, 'message')).toEqual([]);
      expect(text).toContain('*Ada Early* · subject mentor');
      expect(text).toContain('Next: week of Monday 23 November: Planning for progress');
      expect(text).toContain('1 of 4 meetings held · 1 overdue · 2 open actions (1 overdue)');
      expect(text).toContain('*Eve Early* · professional mentor');
      expect(text).not.toMatch(/Fay Early|Zed Other|Cole Coach/);
      expect(text).not.toMatch(SECRET);
    });

    it('a person who mentors nobody gets a clear sentence', async () => {
      expect((await say('nia', 'mentees', 'trg-nia')).text).toContain('You are not anyone’s mentor, coach or induction tutor in Twilight at the moment');
    });

    it("an induction tutor's `induction` shows their early-career teachers and their school's with no mentor", async () => {
      const { text } = await say('tia', 'induction', 'trg-tia');
      expect(text).toContain('Early-career teachers: Monday 23 November 2026');
      expect(text).toContain('Meetings held 2 of 4 so far (5 in the programme)');
      expect(text).toContain('Latest review: at risk (2026-27, term 1)');
      for (const name of ['Ada Early', 'Ben Early', 'Cat Early', 'Fay Early']) expect(text).toContain(name);
      expect(text).not.toMatch(/Eve Early|Dan Early|Zed Other/);
      expect(text).not.toMatch(SECRET);
    });
  });
});
