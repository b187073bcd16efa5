import { Staff, participationId } from '../../../src/domain';
import { FakeConnector } from '../../support/fake-connector';
import { adaptiveCardProblems } from '../../cards/adaptive/validate-adaptive-card';
import { LEAD, LINKS_ORIGIN, TENANT, cardElements, installActivity, messageActivity, postActivity, seedSchool, startTeamsHarness, type TeamsHarness } from './teams-harness';

/** `report <session>` in Teams through real botbuilder and the fake Bot Connector: chart elements, their fallbacks and the report page link. */
describe('charts in the Teams session report (via fake connector)', () => {
  let h: TeamsHarness;
  const quality = [5, 4, 4, 5, 3, 5];
  beforeAll(async () => {
    h = await startTeamsHarness({}, { links: true });
    await seedSchool(h);
    await h.store.staff.create(Staff.parse({ tenantId: TENANT, id: 'stf-lee', name: LEAD.name, email: 'lee.lead@school.example', roles: ['staff', 'cpd-lead'] }));
    h.connector.setRoster(LEAD.conversationId, [{ id: LEAD.userId, name: LEAD.name, aadObjectId: LEAD.aadObjectId, email: 'lee.lead@school.example' }]);
    expect((await postActivity(h, installActivity(h, LEAD))).status).toBe(200);
    for (const [i, rating] of quality.entries()) {
      const id = `stf-t${i}`;
      await h.store.staff.create(Staff.parse({ tenantId: TENANT, id, name: `Teacher ${i}`, email: `t${i}@school.example`, roles: ['staff'] }));
      await h.store.participations.create({ tenantId: TENANT, id: participationId('ses-1', id), sessionId: 'ses-1', staffId: id, rsvp: 'yes', attended: i < 5 || undefined });
      if (i < 4) {
        await h.store.responses.create({ tenantId: TENANT, id: `resp-${i}`, questionnaireId: 'qn-1', sessionId: 'ses-1', respondentId: id, answers: { quality: rating, impact: 4 }, submittedAt: '2026-11-24T18:00:00.000Z' });
      }
    }
    h.clock.set('2026-11-25T09:00:00.000Z');
  });
  afterAll(() => h.close());

  it('the card carries a bar chart per rating, a response-rate gauge and "View full report"; the link opens the page', async () => {
    const before = h.connector.activities.length;
    expect((await postActivity(h, messageActivity(h, LEAD, 'report retrieval'))).status).toBe(200);
    const card = FakeConnector.card(h.connector.activities.slice(before).at(-1));
    const elements = cardElements(card);
    const bars = elements.filter((e) => e.type === 'Chart.VerticalBar');
    // The questionnaire's first rating question is quality: 5, 4, 4, 5 from the four answers.
    const qualityBars = bars[0]!;
    expect(qualityBars.data).toEqual([
      { x: '1', y: 0 },
      { x: '2', y: 0 },
      { x: '3', y: 0 },
      { x: '4', y: 2 },
      { x: '5', y: 2 },
    ]);
    expect((qualityBars.fallback as { text: string }).text).toBe('1: 0  2: 0  3: 0  4: 2  5: 2');
    // 4 answers from 5 attendees.
    expect(elements.find((e) => e.type === 'Chart.Gauge')).toMatchObject({ value: 80, fallback: 'drop' });
    expect(adaptiveCardProblems(card)).toEqual([]);

    const open = elements.find((e) => e.type === 'Action.OpenUrl' && e.title === 'View full report')!;
    const url = new URL(String(open.url));
    expect(url.origin).toBe(LINKS_ORIGIN);
    const page = await fetch(`${h.baseUrl}${url.pathname}${url.search}`);
    expect(page.status).toBe(200);
    expect(page.headers.get('cache-control')).toBe('private, no-store');
    const html = await page.text();
    expect(html).toContain('Retrieval practice that sticks');
    expect(html).not.toContain('Teacher 0');
  });
});
