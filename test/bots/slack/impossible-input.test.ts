import { JO, TENANT, modalSubmission, openedModal, postInteraction, seedSchool, slashCommand, startSlackHarness, type SlackHarness } from './slack-harness';

type Json = Record<string, unknown>;

const REQUEST = {
  courseTitle: 'Leading early reading',
  provider: 'Fenland English Hub',
  startDate: '2027-01-12',
  mode: 'online',
  fee: '250',
  travel: '',
  coverHalfDays: '1',
  purpose: 'appraisal-objective',
  purposeDetail: 'Objective 1: early reading',
  intendedImpact: 'More Year 1 pupils pass the phonics check.',
};
const LOG = { what: 'Coaching with my mentor', on: '2026-11-19', hours: '1.5', type: 'coaching', learned: 'Cold calling with wait time.' };

/** Issue 24 item 8: the same refusals in Slack, as `response_action: errors` beside each field; nothing stored. */
describe('impossible dates and numbers in Slack modals (real bolt App, signed requests)', () => {
  let h: SlackHarness;
  const modals: Record<string, Json> = {};
  beforeAll(async () => {
    // Friday 20 November 2026, 09:00 GMT.
    h = await startSlackHarness();
    await seedSchool(h);
    await h.bot.linkStaffByEmail(TENANT);
    for (const [command, trigger] of [['request cpd', 'trg-request'], ['log cpd', 'trg-log']] as const) {
      await slashCommand(h, JO, command, trigger);
      modals[command] = openedModal(h, trigger);
    }
  });
  afterAll(() => h.close());

  it.each([
    ['startDate', '2027-02-30', /not a real date/],
    ['startDate', '1900-01-01', /between/],
    ['startDate', '9999-12-31', /between/],
    ['fee', ',,,1,,', /amount in pounds/],
    ['coverHalfDays', '0x3', /whole number/],
    ['coverHalfDays', '1.5', /whole number/],
  ])('request cpd: %s = %j comes back beside its field', async (field, value, message) => {
    const answer = await postInteraction(h, modalSubmission(JO, modals['request cpd']!, 'V-req', { ...REQUEST, [field]: value }));
    expect(answer.json).toEqual({ response_action: 'errors', errors: { [`field:${field}`]: expect.stringMatching(message) } });
    expect(await h.store.cpdRequests.count(TENANT)).toBe(0);
  });

  it('log cpd on 30 February comes back beside the day', async () => {
    const answer = await postInteraction(h, modalSubmission(JO, modals['log cpd']!, 'V-log', { ...LOG, on: '2026-02-30' }));
    expect(answer.json).toEqual({ response_action: 'errors', errors: { 'field:on': expect.stringMatching(/not a real date/) } });
    expect(await h.store.cpdLog.count(TENANT)).toBe(0);
  });

  it('log cpd: hours of 0x3 come back beside the hours', async () => {
    const answer = await postInteraction(h, modalSubmission(JO, modals['log cpd']!, 'V-log', { ...LOG, hours: '0x3' }));
    expect(answer.json).toEqual({ response_action: 'errors', errors: { 'field:hours': expect.stringMatching(/hours as a number/) } });
    expect(await h.store.cpdLog.count(TENANT)).toBe(0);
  });
});
