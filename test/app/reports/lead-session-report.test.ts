import { loadLeadSessionReport } from '../../../src/app/reports/load-lead-session-report';
import { T, reportWorld } from './report-world';

describe('loadLeadSessionReport against the embedded store', () => {
  it('counts invited, accepted, attended and responses, and summarises each rating', async () => {
    const { store, clock } = await reportWorld({ namedResponses: 6 });
    const result = await loadLeadSessionReport({ store, clock }, T, 's1');
    if (!result.ok) throw new Error(result.message);
    const r = result.value;
    // Audience "trust": the 7 active staff of tenant A (not tenant B's person).
    expect(r).toMatchObject({ invited: 7, accepted: 5, attended: 4, responses: 6, responseRate: 1, furtherCpdRequests: 3 });
    expect(r.ratings[0]).toEqual({ questionId: 'quality', prompt: expect.any(String), count: 6, mean: 3.83, distribution: [0, 1, 1, 2, 2] });
    expect(r.ratings[1]).toMatchObject({ questionId: 'impact', count: 6, mean: 3.17 });
    // Ties are broken alphabetically: behaviour (2), then the two comments about planning time for quizzes.
    expect(r.commentThemes.map((t) => [t.theme, t.count])).toEqual([
      ['behaviour', 2],
      ['plan', 2],
      ['other', 1],
    ]);
    expect(r.commentThemes[1]!.examples).toEqual(['Need more time to plan quizzes', 'Planning time for quizzes would help']);
    expect(r.withheld).toBeUndefined();
    await store.close();
  });

  it('mixes anonymous answers into the same figures', async () => {
    const { store, clock } = await reportWorld({ namedResponses: 6, anonymous: true });
    const result = await loadLeadSessionReport({ store, clock }, T, 's1');
    expect(result.ok && result.value.ratings.map((x) => x.mean)).toEqual([3.83, 3.17]);
    await store.close();
  });

  it('withholds small anonymous result sets even from the lead (receipts would name the author)', async () => {
    const { store, clock } = await reportWorld({ namedResponses: 2, anonymous: true });
    const result = await loadLeadSessionReport({ store, clock }, T, 's1');
    if (!result.ok) throw new Error(result.message);
    expect(result.value).toMatchObject({ responses: 2, ratings: [], commentThemes: [], withheld: 'fewer than 5 responses' });
    await store.close();
  });

  it('shows small named result sets to the lead but not to a facilitator', async () => {
    const { store, clock } = await reportWorld({ namedResponses: 2 });
    const lead = await loadLeadSessionReport({ store, clock }, T, 's1', 'lead');
    const facilitator = await loadLeadSessionReport({ store, clock }, T, 's1', 'facilitator');
    expect(lead.ok && lead.value.ratings[0]!.count).toBe(2);
    expect(facilitator.ok && facilitator.value.withheld).toBe('fewer than 5 responses');
    await store.close();
  });

  it('refuses a session of another tenant', async () => {
    const { store, clock } = await reportWorld();
    expect(await loadLeadSessionReport({ store, clock }, T, 'no-such')).toEqual({ ok: false, message: 'There is no such session.' });
    await store.close();
  });
});
