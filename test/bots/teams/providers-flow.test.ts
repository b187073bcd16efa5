import { Staff } from '../../../src/domain';
import { adaptiveCardProblems } from '../../cards/adaptive/validate-adaptive-card';
import { PROVIDERS_NOW, seedProvidersWorld } from '../../support/providers-world';
import { JO, LEAD, TENANT, cardActionActivity, cardText, installActivity, invokeCard, lastCardTo, messageActivity, postActivity, seedSchool, startTeamsHarness, type TeamsHarness } from './teams-harness';

const FORM = {
  title: 'Phonics with the hub',
  category: 'TL',
  kind: 'twilight',
  date: '2026-11-26',
  start: '16:00',
  end: '17:00',
  place: 'Library',
  audienceKind: 'trust',
  audienceValue: '',
  compulsory: 'false',
};

describe('Teams via fake connector (real botbuilder): providers and value for money, and a school lead’s programme digest (issue 26 items 5 and 7)', () => {
  let h: TeamsHarness;
  beforeAll(async () => {
    h = await startTeamsHarness();
    await seedSchool(h);
    h.clock.set(PROVIDERS_NOW);
    await h.store.staff.create(Staff.parse({ tenantId: TENANT, id: 'stf-lee', name: LEAD.name, email: 'lee.lead@school.example', roles: ['staff', 'cpd-lead'], teams: { aadObjectId: LEAD.aadObjectId } }));
    await seedProvidersWorld(h.store, TENANT, { schoolLeadId: 'stf-jo', attendees: ['stf-jo', 'stf-sam'] });
    for (const user of [JO, LEAD]) await postActivity(h, installActivity(h, user));
  });
  afterAll(() => h.close());

  it('the session form takes facilitators, a provider and a cost; a cost that is not money or an unknown facilitator is marked and nothing is stored', async () => {
    const bad = invokeCard((await postActivity(h, cardActionActivity(h, LEAD, 'session.create', { ...FORM, provider: 'Fenland English Hub', cost: 'lots' }))).body).value!;
    expect(cardText(bad)).toContain('Give an amount in pounds, e.g. 250 or 249.99.');
    expect(await h.store.sessions.count(TENANT, { title: FORM.title })).toBe(0);
    const unknown = invokeCard((await postActivity(h, cardActionActivity(h, LEAD, 'session.create', { ...FORM, facilitators: 'sam.lee@school.example, nobody@school.example' }))).body).value!;
    expect(cardText(unknown)).toContain("I can't find nobody@school.example in the staff list.");
    expect(await h.store.sessions.count(TENANT, { title: FORM.title })).toBe(0);
    await postActivity(h, cardActionActivity(h, LEAD, 'session.create', { ...FORM, facilitators: 'sam.lee@school.example', provider: 'Fenland English Hub', cost: '£120.50' }));
    const [stored] = (await h.store.sessions.find(TENANT, { where: { title: FORM.title } })).map((s) => s.value);
    expect(stored).toMatchObject({ provider: 'Fenland English Hub', costPence: 12_050, facilitatorIds: ['stf-sam'] });
  });

  it('"providers" and "provider fenland" give the lead the report and the summary to send on (no names, small group withheld); staff are refused', async () => {
    await postActivity(h, messageActivity(h, LEAD, 'providers'));
    const report = lastCardTo(h, LEAD)!;
    expect(cardText(report)).toContain('CPD by provider');
    expect(cardText(report)).toContain('Fenland English Hub');
    expect(cardText(report)).toContain('Cost £350.00 (£175.00 per attendee, no impact reported yet)');
    expect(adaptiveCardProblems(report)).toEqual([]);

    await postActivity(h, messageActivity(h, LEAD, 'provider fenland'));
    const summary = lastCardTo(h, LEAD)!;
    expect(cardText(summary)).toContain('Feedback for Fenland English Hub');
    expect(cardText(summary)).toContain('Ratings and comments: fewer than 5 responses.');
    expect(JSON.stringify(summary)).not.toMatch(/Jo Patel|Sam Lee|phonics games|£/);
    expect(adaptiveCardProblems(summary)).toEqual([]);

    await postActivity(h, messageActivity(h, JO, 'providers'));
    expect(cardText(lastCardTo(h, JO))).toContain('Only CPD leads');
  });

  it("Jo, Huntingdon's own CPD lead, types programme and gets Huntingdon's week only", async () => {
    await postActivity(h, messageActivity(h, JO, 'programme'));
    const digest = lastCardTo(h, JO)!;
    expect(cardText(digest)).toContain('Huntingdon questioning');
    expect(cardText(digest)).toContain('Huntingdon Academy only');
    expect(cardText(digest)).not.toContain('Ely');
    expect(adaptiveCardProblems(digest)).toEqual([]);
    await postActivity(h, messageActivity(h, LEAD, 'programme'));
    expect(cardText(lastCardTo(h, LEAD))).toContain('Ely phonics');
  });
});
