import { slashCommandBody } from '../../support/slack-signing';
import { JO, TENANT, modalSubmission, postInteraction, postSigned, seedSchool, startSlackHarness, type SlackHarness } from './slack-harness';

type Json = Record<string, unknown>;

describe('log cpd via fake Slack API (real bolt App, signed requests)', () => {
  let h: SlackHarness;
  beforeAll(async () => {
    // Friday 20 November 2026, 09:00 GMT.
    h = await startSlackHarness();
    await seedSchool(h);
    await h.bot.linkStaffByEmail(TENANT);
  });
  afterAll(() => h.close());

  const slash = async (text: string, trigger: string) => {
    await postSigned(h, slashCommandBody({ command: '/cpd', text, user_id: JO.id, team_id: 'T0SCHOOL', channel_id: 'C1', trigger_id: trigger, response_url: `${h.api.url}/response/${trigger}` }));
    await h.bot.drain();
  };

  it('/cpd log cpd opens the modal; bad hours come back beside the field; the entry lands once and /cpd my shows it by year', async () => {
    await slash('log cpd', 'trg-log');
    const modal = h.api.callsOf('views.open').find((c) => c.args.trigger_id === 'trg-log')!.args.view as Json;
    expect(modal.callback_id).toBe('cpd.log.submit');
    expect((modal.blocks as Json[]).filter((b) => b.type === 'input').map((b) => b.block_id)).toEqual(['field:what', 'field:on', 'field:hours', 'field:type', 'field:learned']);

    const form = { what: 'Coaching with my mentor', on: '2026-11-19', hours: '1.5', type: 'coaching', learned: 'Cold calling with wait time.' };
    const bad = await postInteraction(h, modalSubmission(JO, modal, 'V-log', { ...form, hours: 'lots' }));
    expect(bad.json).toEqual({ response_action: 'errors', errors: { 'field:hours': expect.stringMatching(/number/) } });
    expect(await h.store.cpdLog.count(TENANT)).toBe(0);

    expect((await postInteraction(h, modalSubmission(JO, modal, 'V-log', form))).text).toBe('');
    expect((await postInteraction(h, modalSubmission(JO, modal, 'V-log', form))).text).toBe('');
    expect(await h.store.cpdLog.count(TENANT)).toBe(1);
    expect((await h.store.cpdLog.find(TENANT))[0]?.value).toMatchObject({ staffId: 'stf-jo', hours: 1.5, type: 'coaching' });

    await slash('my cpd', 'trg-my');
    const record = JSON.stringify(h.api.callsOf('/response/trg-my')[0]!.args.blocks);
    expect(record).toContain('2026-27: 1.5 hours, 1 entry');
    expect(record).toContain('Coaching with my mentor (Coaching, logged) · 1.5 hours');
  });
});
