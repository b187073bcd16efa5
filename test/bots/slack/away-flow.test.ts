import { onBothStores } from '../../support/both-stores';
import { gapTaskId } from '../../../src/domain';
import { gapTask } from '../../support/fixtures';
import { JO, TENANT, seedSchool, slashCommand, startSlackHarness, type SlackHarness } from './slack-harness';

/** Issue 24 item 19 in Slack: a date without a year, coming back early, and the cards' own dates. */
onBothStores('away-flow', (label, open, done) => {
  describe(`away and back via /cpd (real bolt App, signed requests, fake Slack API) (${label})`, () => {
    let h: SlackHarness;
    beforeAll(async () => {
      h = await startSlackHarness({ openStore: open });
      await seedSchool(h);
      await h.store.gapTasks.create(gapTask(TENANT, 'ses-1', 'stf-jo', { status: 'planned' }));
    });
    afterAll(async () => {
      await h.close();
      await done();
    });

    async function say(text: string, trigger: string): Promise<string> {
      await slashCommand(h, JO, text, trigger);
      return JSON.stringify(h.api.ephemeralFrom(`/response/${trigger}`)!.args.blocks);
    }

    it('"away until 15 December" (no year) is the next 15 December, shown as "Tuesday 15 December"; "back" ends it today', async () => {
      // Friday 20 November 2026.
      const away = await say('away until 15 December', 'trg-away');
      expect(away).toContain('You are away until Tuesday 15 December: no reminders or nudges before then.');
      expect(away).toContain('One gap task now falls due on Saturday 2 January.');
      expect(away).not.toMatch(/\d{4}-\d{2}-\d{2}/);
      expect((await h.store.staff.get(TENANT, 'stf-jo'))!.value.awayUntil).toBe('2026-12-15');

      expect(await say('away', 'trg-status')).toContain('You are away until Tuesday 15 December.');
      expect(await say('help', 'trg-help')).toContain('back');

      // Back three days later: the period ends that day, and the task moves back by all but those three days.
      h.clock.set('2026-11-23T09:00:00.000Z');
      const back = await say('back', 'trg-back');
      expect(back).toContain('Welcome back: reminders and nudges start again today.');
      expect(back).toContain('One gap task now falls due on Friday 11 December.');
      expect((await h.store.staff.get(TENANT, 'stf-jo'))!.value.awayUntil).toBe('2026-11-23');
      expect((await h.store.gapTasks.get(TENANT, gapTaskId('ses-1', 'stf-jo')))!.value.dueAt).toBe('2026-12-11T16:00:00.000Z');
      expect(await say('away off', 'trg-again')).toContain('You are not marked as away');
    });
  });
});
