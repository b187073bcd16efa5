import { Staff } from '../../../src/domain';
import { adaptiveCardProblems } from '../../cards/adaptive/validate-adaptive-card';
import { coverBudget } from '../../support/cover-budget';
import { TENANT, LEAD, cardActionActivity, cardElements, cardText, invokeCard, lastCardTo, messageActivity, postActivity, seedSchool, startTeamsHarness, type TeamsHarness } from './teams-harness';

type Json = Record<string, unknown>;

/** A card's facts as a person reads them, "Cover used: 14 half-days". */
const factsOf = (card: unknown) =>
  cardElements(card)
    .filter((e) => e.type === 'FactSet')
    .flatMap((e) => (e.facts as { title: string; value: string }[]).map((f) => `${f.title}: ${f.value}`));

describe('Teams: a lead sets what a half-day of supply cover costs in chat, and the budget shows cover in pounds (real botbuilder, fake connector)', () => {
  let h: TeamsHarness;
  const press = async (verb: string, data: Json) => invokeCard((await postActivity(h, cardActionActivity(h, LEAD, verb, data))).body).value as unknown as Json;
  const say = async (text: string) => {
    await postActivity(h, messageActivity(h, LEAD, text));
    return lastCardTo(h, LEAD);
  };

  beforeAll(async () => {
    h = await startTeamsHarness();
    await seedSchool(h);
    h.connector.setRoster(LEAD.conversationId, [{ id: LEAD.userId, name: LEAD.name, aadObjectId: LEAD.aadObjectId, email: 'lee.lead@school.example' }]);
    await h.store.staff.create(Staff.parse({ tenantId: TENANT, id: 'stf-lead', name: LEAD.name, email: 'lee.lead@school.example', roles: ['staff', 'cpd-lead'] }));
    await coverBudget(h.store, TENANT, 'stf-jo');
  });
  afterAll(async () => h.close());

  it('budget without a rate says once that cover is not costed and where to set it; settings evaluation refuses a bad amount beside its field, saves £110; budget then shows the pounds', async () => {
    const uncosted = await say('budget 2026-27');
    expect(adaptiveCardProblems(uncosted)).toEqual([]);
    expect(factsOf(uncosted)).toContain('Cover used: 14 half-days');
    expect(cardText(uncosted).match(/Supply cover is not costed/g)).toHaveLength(1);
    expect(cardText(uncosted)).toContain('"settings evaluation" (A half-day of supply cover costs)');

    const form = await say('settings evaluation');
    expect(adaptiveCardProblems(form)).toEqual([]);
    const inputs = ((form?.body as Json[]) ?? []).filter((e) => typeof e.id === 'string');
    expect(inputs.map((e) => e.id)).toEqual(['facilitator-hourly-rate', 'supply-cover-half-day']);
    expect(JSON.stringify(form)).toContain('A half-day of supply cover costs (£)');

    const refused = await press('settings.save', { settingsSection: 'evaluation', 'facilitator-hourly-rate': '', 'supply-cover-half-day': 'a hundred' });
    const body = refused.body as Json[];
    expect(cardText(refused)).toContain('Nothing was saved');
    expect(body[body.findIndex((e) => e.id === 'supply-cover-half-day') + 2]).toMatchObject({ text: 'Give an amount in pounds from 0 to 1000, e.g. 110 (blank for not costed).', color: 'Attention' });
    expect((await h.store.tenants.get(TENANT, TENANT))!.value.settings.supplyCoverHalfDayPence).toBeUndefined();

    const saved = await press('settings.save', { settingsSection: 'evaluation', 'facilitator-hourly-rate': '', 'supply-cover-half-day': '£110' });
    expect(cardText(saved)).toContain('Saved.');
    expect((await h.store.tenants.get(TENANT, TENANT))!.value.settings.supplyCoverHalfDayPence).toBe(11000);
    expect(((await say('settings evaluation'))?.body as Json[]).find((e) => e.id === 'supply-cover-half-day')).toMatchObject({ value: '110' });

    const costed = await say('budget 2026-27');
    expect(factsOf(costed)).toContain('Cover used: 14 half-days (£1,540 at £110 a half-day)');
    expect(cardText(costed)).not.toContain('Supply cover is not costed');
    // Shown, not deducted: what is left is the same.
    expect(factsOf(costed)).toContain('Left: £431.60');
  });
});
