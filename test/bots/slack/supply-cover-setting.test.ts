import { coverBudget } from '../../support/cover-budget';
import { LEAD, TENANT, modalSubmission, openedModal, postInteraction, seedSchool, slashCommand, startSlackHarness, type SlackHarness } from './slack-harness';

type Json = Record<string, unknown>;

describe('Slack: a lead sets what a half-day of supply cover costs in a modal, and the budget shows cover in pounds (real bolt, signed requests)', () => {
  let h: SlackHarness;
  /** The lead's private answer to `/cpd <text>`, as the blocks' text. */
  const answer = async (text: string, trigger: string) => {
    await slashCommand(h, LEAD, text, trigger);
    return JSON.stringify(h.api.ephemeralFrom(`/response/${trigger}`)?.args.blocks ?? null);
  };

  beforeAll(async () => {
    h = await startSlackHarness();
    await seedSchool(h);
    await h.bot.linkStaffByEmail(TENANT);
    await coverBudget(h.store, TENANT, 'stf-jo');
  });
  afterAll(async () => h.close());

  it('/cpd budget says once that cover is not costed; /cpd settings evaluation refuses a bad amount beside its field, saves £110; the budget then shows the pounds', async () => {
    const uncosted = await answer('budget 2026-27', 'trg-b1');
    expect(uncosted).toContain('*Cover used*\\n14 half-days"');
    expect(uncosted.match(/Supply cover is not costed/g)).toHaveLength(1);
    expect(uncosted).toContain('(A half-day of supply cover costs)');

    await slashCommand(h, LEAD, 'settings evaluation', 'trg-s1');
    const modal = openedModal(h, 'trg-s1');
    expect(modal).toMatchObject({ callback_id: 'settings.save' });
    const fields = (modal.blocks as Json[]).filter((b) => b.type === 'input');
    expect(fields.map((b) => b.block_id)).toEqual(['field:facilitator-hourly-rate', 'field:supply-cover-half-day']);
    expect(JSON.stringify(fields[1])).toContain('A half-day of supply cover costs (£)');

    const refused = await postInteraction(h, modalSubmission(LEAD, modal, 'V-s1', { 'supply-cover-half-day': '110 a day' }));
    expect(refused.json).toMatchObject({ response_action: 'errors', errors: { 'field:supply-cover-half-day': 'Give an amount in pounds from 0 to 1000, e.g. 110 (blank for not costed).' } });
    expect((await h.store.tenants.get(TENANT, TENANT))!.value.settings.supplyCoverHalfDayPence).toBeUndefined();

    expect((await postInteraction(h, modalSubmission(LEAD, modal, 'V-s1', { 'supply-cover-half-day': '110' }))).text).toBe('');
    expect((await h.store.tenants.get(TENANT, TENANT))!.value.settings.supplyCoverHalfDayPence).toBe(11000);

    const costed = await answer('budget 2026-27', 'trg-b2');
    expect(costed).toContain('*Cover used*\\n14 half-days (£1,540 at £110 a half-day)');
    expect(costed).not.toContain('Supply cover is not costed');
    // Shown, not deducted: what is left is the same.
    expect(costed).toContain('*Left*\\n£431.60');
  });
});
