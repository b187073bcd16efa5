import { PROVIDERS_NOW, seedProvidersWorld } from '../../support/providers-world';
import { JO, LEAD, TENANT, modalSubmission, openedModal, postInteraction, seedSchool, slashCommand, startSlackHarness, type SlackHarness } from './slack-harness';

type Json = Record<string, unknown>;

/** Thursday 26 November 2026, 16:00 in London, as Slack's datetimepicker sends it. */
const THURSDAY_4PM = String(Date.parse('2026-11-26T16:00:00.000Z') / 1000);

describe('Slack via fake Slack API (real bolt App, signed requests): providers and value for money, and a school lead’s programme digest (issue 26 items 5 and 7)', () => {
  let h: SlackHarness;
  beforeAll(async () => {
    h = await startSlackHarness();
    await seedSchool(h);
    h.clock.set(PROVIDERS_NOW);
    await h.bot.linkStaffByEmail(TENANT);
    await seedProvidersWorld(h.store, TENANT, { schoolLeadId: 'stf-jo', attendees: ['stf-jo', 'stf-lead'] });
  });
  afterAll(() => h.close());

  /** What the bot answered a slash command with, through its response_url. */
  const answer = (trigger: string) => JSON.stringify(h.api.callsOf(`/response/${trigger}`).map((c) => c.args));

  it('/cpd new: the modal has facilitators, provider and cost; a cost that is not money or an unknown facilitator is an error beside it; good ones are stored', async () => {
    await slashCommand(h, LEAD, 'new', 'trg-new');
    const modal = openedModal(h, 'trg-new');
    const fieldIds = (modal.blocks as Json[]).filter((b) => b.type === 'input').map((b) => String(b.block_id).replace('field:', ''));
    expect(fieldIds).toEqual(expect.arrayContaining(['facilitators', 'provider', 'cost']));
    const answers = { title: 'Phonics with the hub', category: 'TL', kind: 'twilight', startsAt: THURSDAY_4PM, durationMinutes: '60', place: 'Library', audienceKind: 'trust', provider: 'Fenland English Hub' };
    const bad = await postInteraction(h, modalSubmission(LEAD, modal, 'V-p1', { ...answers, cost: 'lots' }));
    expect(bad.json).toMatchObject({ response_action: 'errors', errors: { 'field:cost': 'Give an amount in pounds, e.g. 250 or 249.99.' } });
    expect(await h.store.sessions.count(TENANT, { title: answers.title })).toBe(0);
    const unknown = await postInteraction(h, modalSubmission(LEAD, modal, 'V-p3', { ...answers, cost: '80', facilitators: 'nobody@school.example' }));
    expect(unknown.json).toMatchObject({ response_action: 'errors', errors: { 'field:facilitators': "I can't find nobody@school.example in the staff list." } });
    expect((await postInteraction(h, modalSubmission(LEAD, modal, 'V-p2', { ...answers, cost: '80', facilitators: JO.email }))).status).toBe(200);
    const [stored] = (await h.store.sessions.find(TENANT, { where: { title: answers.title } })).map((s) => s.value);
    expect(stored).toMatchObject({ provider: 'Fenland English Hub', costPence: 8_000, facilitatorIds: ['stf-jo'] });
  });

  it('/cpd providers and /cpd provider fenland for the lead (no names, the small group withheld); a teacher is refused', async () => {
    await slashCommand(h, LEAD, 'providers', 'trg-providers');
    expect(answer('trg-providers')).toContain('CPD by provider');
    expect(answer('trg-providers')).toContain('Cost £350.00 (£175.00 per attendee, no impact reported yet)');
    await slashCommand(h, LEAD, 'provider fenland', 'trg-summary');
    const summary = answer('trg-summary');
    expect(summary).toContain('Feedback for Fenland English Hub');
    expect(summary).toContain('fewer than 5 responses');
    expect(summary).not.toMatch(/Jo Patel|Lee Lead|phonics games|£/);
    await slashCommand(h, JO, 'providers', 'trg-jo');
    expect(answer('trg-jo')).toContain('Only CPD leads');
  });

  it("/cpd programme: Jo, Huntingdon's own CPD lead, gets Huntingdon's week only; the trust lead gets Ely's too", async () => {
    await slashCommand(h, JO, 'programme', 'trg-jo-programme');
    const jo = answer('trg-jo-programme');
    expect(jo).toContain('Huntingdon questioning');
    expect(jo).toContain('Huntingdon Academy only');
    expect(jo).not.toContain('Ely');
    await slashCommand(h, LEAD, 'programme', 'trg-lead-programme');
    expect(answer('trg-lead-programme')).toContain('Ely phonics');
  });
});
