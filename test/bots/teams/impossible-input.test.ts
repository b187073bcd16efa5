import { JO, TENANT, cardActionActivity, cardText, installActivity, invokeCard, postActivity, seedSchool, startTeamsHarness, type TeamsHarness } from './teams-harness';

type Json = Record<string, unknown>;

const REQUEST = {
  courseTitle: 'Leading early reading',
  provider: 'Fenland English Hub',
  startDate: '2027-01-12',
  mode: 'in-person',
  fee: '250',
  travel: '',
  coverHalfDays: '2',
  purpose: 'school-priority',
  purposeDetail: 'SIP priority 2: early reading',
  intendedImpact: 'More Year 1 pupils pass the phonics check.',
};
const LOG = { what: 'Maths Hub work group', on: '2026-11-18', hours: '3', type: 'course', learned: 'Bar models for fractions in Year 7.' };

/** The error an Adaptive Card input carries beside it (errorMessage with isRequired, or the TextBlock after it). */
function errorBeside(card: { body: Json[] }, id: string): string | undefined {
  const i = card.body.findIndex((e) => e.id === id);
  const next = card.body[i + 1];
  return next && next.type === 'TextBlock' && next.color === 'Attention' ? String(next.text) : undefined;
}

/** Issue 24 item 8: impossible dates and odd numbers refused beside their fields in Teams, nothing stored. */
describe('impossible dates and numbers in Teams forms (fake connector, real botbuilder)', () => {
  let h: TeamsHarness;
  beforeAll(async () => {
    // Friday 20 November 2026, 09:00 GMT.
    h = await startTeamsHarness();
    await seedSchool(h);
    await postActivity(h, installActivity(h, JO));
  });
  afterAll(() => h.close());
  const submit = async (verb: string, data: Json) => invokeCard((await postActivity(h, cardActionActivity(h, JO, verb, data))).body).value as unknown as { body: Json[] };

  it.each([
    ['startDate', '2027-02-30', /not a real date/],
    ['startDate', '1900-01-01', /between/],
    ['startDate', '9999-12-31', /between/],
    ['endDate', '2027-02-29', /not a real date/],
    ['fee', ',,,1,,', /amount in pounds/],
    ['fee', '1e3', /amount in pounds/],
    ['travel', '0x3', /amount in pounds/],
    ['coverHalfDays', '0x3', /whole number/],
    ['coverHalfDays', '1.5', /whole number/],
  ])('request cpd: %s = %j is refused beside its field', async (field, value, message) => {
    const card = await submit('request.submit', { ...REQUEST, [field]: value });
    expect(errorBeside(card, field)).toMatch(message);
    expect(cardText(card)).not.toContain('Please choose one.');
    expect(await h.store.cpdRequests.count(TENANT)).toBe(0);
  });

  it('log cpd on 30 February: refused beside the day, never "Invalid DateTime"', async () => {
    const card = await submit('cpd.log.submit', { ...LOG, on: '2026-02-30' });
    expect(errorBeside(card, 'on')).toMatch(/not a real date/);
    expect(JSON.stringify(card)).not.toContain('Invalid DateTime');
    expect(await h.store.cpdLog.count(TENANT)).toBe(0);
  });

  it.each([['0x3'], ['1e1'], ['1,5']])('log cpd: hours %j is refused beside the hours', async (hours) => {
    const card = await submit('cpd.log.submit', { ...LOG, hours });
    expect(errorBeside(card, 'hours')).toMatch(/hours as a number/);
    expect(await h.store.cpdLog.count(TENANT)).toBe(0);
  });
});
