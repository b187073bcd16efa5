import { adaptiveCardProblems } from '../../cards/adaptive/validate-adaptive-card';
import { JO, TENANT, cardActionActivity, installActivity, invokeCard, lastCardTo, messageActivity, postActivity, seedSchool, startTeamsHarness, type TeamsHarness } from './teams-harness';

type Json = Record<string, unknown>;

const inputIds = (card: Json | undefined) => ((card?.body as Json[]) ?? []).map((e) => e.id).filter(Boolean);
const FORM = { what: 'Maths Hub work group', on: '2026-11-18', hours: '3', type: 'course', learned: 'Bar models for fractions in Year 7.' };

describe('log cpd via fake connector (real botbuilder, real express server)', () => {
  let h: TeamsHarness;
  beforeAll(async () => {
    // Friday 20 November 2026, 09:00 GMT.
    h = await startTeamsHarness();
    await seedSchool(h);
  });
  afterAll(() => h.close());

  it('Jo types "log cpd", a future day and zero hours are marked beside their fields, the entry lands once, and "my cpd" shows it with its year\'s hours', async () => {
    await postActivity(h, installActivity(h, JO));
    await postActivity(h, messageActivity(h, JO, 'log cpd'));
    const form = lastCardTo(h, JO);
    expect(inputIds(form)).toEqual(['what', 'on', 'hours', 'type', 'learned']);
    expect((form?.actions as Json[])[0]).toMatchObject({ type: 'Action.Execute', verb: 'cpd.log.submit', associatedInputs: 'auto' });
    expect((form?.body as Json[]).find((e) => e.id === 'on')).toMatchObject({ value: '2026-11-20', max: '2026-11-20' });

    const refused = invokeCard((await postActivity(h, cardActionActivity(h, JO, 'cpd.log.submit', { ...FORM, on: '2026-11-25', hours: '0' }))).body).value!;
    const text = JSON.stringify(refused);
    expect(text).toContain('Give the hours: at least a quarter of an hour.');
    expect(refused.body.find((e) => e.id === 'what')).toMatchObject({ value: 'Maths Hub work group' });
    expect(await h.store.cpdLog.count(TENANT)).toBe(0);

    const futureOnly = invokeCard((await postActivity(h, cardActionActivity(h, JO, 'cpd.log.submit', { ...FORM, on: '2026-11-25' }))).body).value!;
    expect(JSON.stringify(futureOnly)).toContain('Log CPD once it has happened');
    expect(await h.store.cpdLog.count(TENANT)).toBe(0);

    const logged = invokeCard((await postActivity(h, cardActionActivity(h, JO, 'cpd.log.submit', FORM))).body).value!;
    expect(JSON.stringify(logged)).toContain('is in your record for 2026-27');
    // A retried invoke logs nothing twice.
    const again = invokeCard((await postActivity(h, cardActionActivity(h, JO, 'cpd.log.submit', { ...FORM, what: ' maths hub WORK group ' }))).body).value!;
    expect(JSON.stringify(again)).toContain('already in your record');
    const [entry] = await h.store.cpdLog.find(TENANT);
    expect(entry?.value).toMatchObject({ staffId: 'stf-jo', hours: 3, type: 'course', on: '2026-11-18' });
    expect(await h.store.cpdLog.count(TENANT)).toBe(1);

    await postActivity(h, messageActivity(h, JO, 'my cpd'));
    const record = JSON.stringify(lastCardTo(h, JO));
    expect(record).toContain('2026-27: 3 hours, 1 entry');
    expect(record).toContain('Maths Hub work group (Course, logged), 3 hours');
    expect(record).toContain('Bar models for fractions');

    for (const c of [form, refused, futureOnly, logged, again]) expect(adaptiveCardProblems(c)).toEqual([]);
  });
});
