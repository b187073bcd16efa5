import { onBothStores } from '../../support/both-stores';
import { CpdLogEntry, cpdLogEntryId } from '../../../src/domain';
import { JO, LEAD, TENANT, ephemeralButtonPress, findButton, modalSubmission, postInteraction, seedSchool, slashCommand, startSlackHarness, type SlackHarness } from './slack-harness';

type Json = Record<string, unknown>;

const ENTRY = { what: 'Coaching with my mentor', on: '2026-11-19', hours: '1.5', type: 'coaching', learned: 'Cold calling with wait time.' };

/** Issue 24 item 18 in Slack: logged CPD corrected or removed from `/cpd my`, in a modal; only by its owner. */
onBothStores('correct-cpd', (label, open, done) => {
  describe(`correcting and removing logged CPD via fake Slack API (real bolt App, signed requests) (${label})`, () => {
    let h: SlackHarness;
    const id = cpdLogEntryId('stf-jo', ENTRY.on, ENTRY.what);
    beforeAll(async () => {
      h = await startSlackHarness({ openStore: open });
      await seedSchool(h);
      await h.bot.linkStaffByEmail(TENANT);
      await h.store.cpdLog.create(CpdLogEntry.parse({ tenantId: TENANT, id, staffId: 'stf-jo', ...ENTRY, hours: 1.5, loggedAt: h.clock.now().toISOString() }));
    });
    afterAll(async () => {
      await h.close();
      await done();
    });

    /** `/cpd my`, then its "Correct or remove" button pressed by `user`: the modal it opened, if any. */
    async function openCorrection(user: { id: string }, trigger: string): Promise<Json | undefined> {
      await slashCommand(h, JO, 'my cpd', `${trigger}-my`);
      const record = h.api.ephemeralFrom(`/response/${trigger}-my`)!;
      const button = findButton(record.args.blocks, 'cpd.log.open');
      await postInteraction(h, ephemeralButtonPress(h, user, record.ts, button, trigger));
      return h.api.callsOf('views.open').find((c) => c.args.trigger_id === trigger)?.args.view as Json | undefined;
    }

    it('Correct or remove opens the entry in a modal; out-of-range hours are refused beside the field; saved; then removed', async () => {
      const modal = (await openCorrection(JO, 'trg-fix'))!;
      expect(modal).toMatchObject({ callback_id: 'cpd.log.submit', title: { text: 'Correct CPD' } });
      const inputs = (modal.blocks as Json[]).filter((b) => b.type === 'input');
      expect(inputs.map((b) => b.block_id)).toEqual(['field:what', 'field:on', 'field:hours', 'field:type', 'field:learned', 'field:remove']);
      expect(JSON.stringify(inputs[2])).toContain('"initial_value":"1.5"');

      const tooMany = await postInteraction(h, modalSubmission(JO, modal, 'V-fix', { ...ENTRY, hours: '500' }));
      expect(tooMany.json).toEqual({ response_action: 'errors', errors: { 'field:hours': 'At most 200 hours in one entry.' } });
      expect((await h.store.cpdLog.get(TENANT, id))!.value.hours).toBe(1.5);

      expect((await postInteraction(h, modalSubmission(JO, modal, 'V-fix', { ...ENTRY, hours: '2', learned: 'Cold calling with wait time, and no hands up.' }))).text).toBe('');
      expect((await h.store.cpdLog.get(TENANT, id))!.value).toMatchObject({ hours: 2, learned: 'Cold calling with wait time, and no hands up.' });
      expect(JSON.stringify([...h.api.ephemeral.values()].at(-1))).toContain('is corrected in your record');

      const again = (await openCorrection(JO, 'trg-remove'))!;
      expect((await postInteraction(h, modalSubmission(JO, again, 'V-remove', { ...ENTRY, hours: '2', remove: ['yes'] }))).text).toBe('');
      expect(await h.store.cpdLog.get(TENANT, id)).toBeUndefined();
    });

    it("someone else pressing the button (a forged press) cannot open or change the entry", async () => {
      await h.store.cpdLog.put(CpdLogEntry.parse({ tenantId: TENANT, id, staffId: 'stf-jo', ...ENTRY, hours: 1.5, loggedAt: h.clock.now().toISOString() }));
      expect(await openCorrection(LEAD, 'trg-forged')).toBeUndefined();
      expect(JSON.stringify([...h.api.ephemeral.values()].at(-1))).toContain("I can't find that entry in your record");
      expect((await h.store.cpdLog.get(TENANT, id))!.value.hours).toBe(1.5);
    });
  });
});
