import { adaptiveCardProblems } from '../../cards/adaptive/validate-adaptive-card';
import { JO, TENANT, cardActionActivity, cardElements, installActivity, invokeCard, lastCardTo, messageActivity, postActivity, seedSchool, startTeamsHarness, type TeamsHarness } from './teams-harness';

type Json = Record<string, unknown>;

const FORM = { what: 'Maths Hub work group', on: '2026-11-18', hours: '3', type: 'course', learned: 'Bar models for fractions in Year 7.' };

/** Issue 24 item 18 in Teams: logged CPD corrected or removed from `my cpd`; out-of-range hours refused beside the field, never clamped. */
describe('correcting and removing logged CPD via fake connector (real botbuilder)', () => {
  let h: TeamsHarness;
  beforeAll(async () => {
    h = await startTeamsHarness();
    await seedSchool(h);
    await postActivity(h, installActivity(h, JO));
  });
  afterAll(() => h.close());

  const press = async (verb: string, data: Json) => invokeCard((await postActivity(h, cardActionActivity(h, JO, verb, data))).body).value as unknown as Json;
  const hoursInput = (card: Json | undefined) => cardElements(card).find((e) => e.id === 'hours');

  it('the hours input carries no limit for Teams to clamp to; 500 hours is refused beside the field', async () => {
    await postActivity(h, messageActivity(h, JO, 'log cpd'));
    const input = hoursInput(lastCardTo(h, JO));
    expect(input).toBeDefined();
    expect(input).not.toHaveProperty('max');
    expect(input).not.toHaveProperty('min');
    const refused = await press('cpd.log.submit', { ...FORM, hours: '500' });
    const body = refused.body as Json[];
    const at = body.findIndex((e) => e.id === 'hours');
    expect(body[at]).toMatchObject({ value: '500' });
    expect(JSON.stringify(body[at + 1])).toContain('At most 200 hours in one entry.');
    expect(await h.store.cpdLog.count(TENANT)).toBe(0);
  });

  it('a logged entry is corrected from my cpd (hours checked again), then removed; removing twice removes once', async () => {
    await press('cpd.log.submit', FORM);
    const [logged] = await h.store.cpdLog.find(TENANT);
    await postActivity(h, messageActivity(h, JO, 'my cpd'));
    const correct = cardElements(lastCardTo(h, JO)).find((e) => e.verb === 'cpd.log.open');
    expect(correct).toMatchObject({ title: 'Correct or remove', data: { logId: logged!.value.id } });

    const form = await press('cpd.log.open', { logId: logged!.value.id });
    expect(adaptiveCardProblems(form)).toEqual([]);
    expect(JSON.stringify(form)).toContain('Correct logged CPD');
    expect(hoursInput(form)).toMatchObject({ value: '3' });
    expect(cardElements(form).find((e) => e.id === 'remove')).toMatchObject({ type: 'Input.Toggle' });

    const tooMany = await press('cpd.log.submit', { ...FORM, hours: '500', logId: logged!.value.id });
    expect(JSON.stringify(tooMany)).toContain('At most 200 hours in one entry.');
    expect((await h.store.cpdLog.get(TENANT, logged!.value.id))!.value.hours).toBe(3);

    const saved = await press('cpd.log.submit', { ...FORM, what: 'Maths Hub work group (two sessions)', hours: '4.5', remove: 'false', logId: logged!.value.id });
    expect(JSON.stringify(saved)).toContain('is corrected in your record for 2026-27');
    expect((await h.store.cpdLog.get(TENANT, logged!.value.id))!.value).toMatchObject({ what: 'Maths Hub work group (two sessions)', hours: 4.5, staffId: 'stf-jo' });
    expect(await h.store.cpdLog.count(TENANT)).toBe(1);

    const removed = await press('cpd.log.submit', { ...FORM, remove: 'true', logId: logged!.value.id });
    expect(JSON.stringify(removed)).toContain('is no longer in your record');
    expect(await h.store.cpdLog.count(TENANT)).toBe(0);
    expect(JSON.stringify(await press('cpd.log.submit', { ...FORM, remove: 'true', logId: logged!.value.id }))).toContain('That entry is no longer in your record.');
  });
});
