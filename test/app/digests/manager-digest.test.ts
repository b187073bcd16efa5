import fc from 'fast-check';
import { receiptId, responseId } from '../../../src/domain';
import { buildAllDigests } from '../../../src/app/digests/all-manager-digests';
import { digestWeek } from '../../../src/app/digests/digest-week';
import { loadManagerDigest } from '../../../src/app/digests/load-manager-digest';
import { buildManagerDigest } from '../../../src/app/digests/manager-digest';
import { staff, tenant } from '../../support/fixtures';
import { NOW, T, reportWorld } from '../reports/report-world';

describe('digestWeek (Europe/London)', () => {
  it('covers the last full Monday–Sunday week before a Monday-morning digest', () => {
    expect(digestWeek(NOW)).toEqual({ start: '2026-11-16T00:00:00.000Z', end: '2026-11-23T00:00:00.000Z', label: '2026-W47', text: '16–22 November 2026' });
  });
  it('uses local midnights across the October clock change (a 169-hour week)', () => {
    const week = digestWeek(new Date('2026-10-26T07:30:00.000Z'));
    expect(week.start).toBe('2026-10-18T23:00:00.000Z');
    expect(week.end).toBe('2026-10-26T00:00:00.000Z');
    expect(week.text).toBe('19–25 October 2026');
  });
  it('reads late Sunday evening UTC in BST as the following Monday locally', () => {
    // 23:30 UTC Sunday 7 June = 00:30 BST Monday 8 June: the digest week is 1–7 June.
    expect(digestWeek(new Date('2026-06-07T23:30:00.000Z')).start).toBe('2026-05-31T23:00:00.000Z');
  });
});

describe('loadManagerDigest against the embedded store', () => {
  it('lists exactly the direct reports, with this week, outstanding work and shared impact', async () => {
    const { store, clock } = await reportWorld();
    const result = await loadManagerDigest({ store, clock }, T, 'm1', NOW);
    if (!result.ok) throw new Error(result.message);
    const view = result.value;
    expect(view.reports.map((r) => r.staffId)).toEqual(['a', 'b', 'c']);
    const [a, b, c] = view.reports;
    expect(a).toMatchObject({ attendedThisWeek: ['Retrieval practice'], questionnairesOutstanding: 0, gapTasksOutstanding: 1, gapTasksOverdue: 0 });
    expect(a!.impactNotes).toEqual(['September INSET: Recall improved in 9X2']);
    expect(b).toMatchObject({ questionnairesOutstanding: 0, gapTasksOutstanding: 1, gapTasksOverdue: 1, impactNotes: [] });
    // c was invited but did not attend: no questionnaire is owed.
    expect(c).toMatchObject({ attendedThisWeek: [], questionnairesOutstanding: 0 });
    expect(view.totals).toEqual({ attended: 2, questionnairesOutstanding: 0, gapTasksOutstanding: 2, gapTasksOverdue: 1 });
    expect(JSON.stringify(view)).not.toMatch(/PRIVATE|Dan Elsewhere|Xena|Other trust/);
    await store.close();
  });

  it('counts an open questionnaire without a receipt as outstanding', async () => {
    const { store, clock } = await reportWorld({ namedResponses: 0 });
    const result = await loadManagerDigest({ store, clock }, T, 'm1', NOW);
    if (!result.ok) throw new Error(result.message);
    expect(result.value.reports.map((r) => r.questionnairesOutstanding)).toEqual([1, 1, 0]);
    await store.close();
  });

  it('withholds team reaction averages under the minimum and shows them at or above it', async () => {
    const few = await reportWorld({ namedResponses: 2 });
    const withheld = await loadManagerDigest(few, T, 'm1', NOW);
    expect(withheld.ok && withheld.value.reactionSummary).toEqual({ withheld: 'fewer than 5 responses' });
    await few.store.close();

    // Lower the tenant minimum to 3 (the least the settings allow) and let c answer too: m1's three reports' named answers are then enough.
    const enough = await reportWorld({ namedResponses: 2 });
    const t = tenant(T);
    await enough.store.tenants.put({ ...t, settings: { ...t.settings, minAggregateCount: 3 } });
    await enough.store.receipts.put({ tenantId: T, id: receiptId('q1', 'c'), questionnaireId: 'q1', staffId: 'c' });
    await enough.store.responses.put({ tenantId: T, id: responseId('q1', 'c'), questionnaireId: 'q1', sessionId: 's1', respondentId: 'c', answers: { quality: 3, impact: 2, further_cpd: true }, submittedAt: '2026-11-18T18:00:00.000Z' });
    const shown = await loadManagerDigest(enough, T, 'm1', NOW);
    expect(shown.ok && shown.value.reactionSummary).toEqual({ text: 'Quality 4.0 / 5, impact 3.3 / 5 (3 responses)' });
    await enough.store.close();
  });

  it('never counts answers from anonymous questionnaires, however many', async () => {
    const { store, clock } = await reportWorld({ namedResponses: 6, anonymous: true });
    const t = tenant(T);
    await store.tenants.put({ ...t, settings: { ...t.settings, minAggregateCount: 3 } });
    const result = await loadManagerDigest({ store, clock }, T, 'm1', NOW);
    expect(result.ok && result.value.reactionSummary).toEqual({ withheld: 'fewer than 3 responses' });
    expect(JSON.stringify(result)).not.toMatch(/Secret anonymous/);
    await store.close();
  });

  it('gives tenant B nothing of tenant A, even for the same manager id', async () => {
    const { store, clock } = await reportWorld();
    await store.staff.put(staff('other', 'm1', { name: 'Other M1' }));
    const result = await loadManagerDigest({ store, clock }, 'other', 'm1', NOW);
    if (!result.ok) throw new Error(result.message);
    expect(result.value.reports.map((r) => r.staffId)).toEqual(['x']);
    expect(result.value.reports[0]!.attendedThisWeek).toEqual(['Other trust session']);
    expect(JSON.stringify(result.value)).not.toMatch(/Ada|Ben|Cat|Retrieval/);
    await store.close();
  });

  it('says so when the manager is unknown', async () => {
    const { store, clock } = await reportWorld();
    expect(await loadManagerDigest({ store, clock }, T, 'nobody', NOW)).toEqual({ ok: false, message: 'We could not find you in the staff list.' });
    await store.close();
  });
});

describe('buildAllDigests', () => {
  it('gives every manager the same digest as the one-manager path', async () => {
    const { store, clock } = await reportWorld({ namedResponses: 6 });
    const all = await buildAllDigests({ store, clock }, T, NOW);
    expect(all.map((d) => d.managerId)).toEqual(['m1', 'm2']);
    for (const d of all) {
      const one = await loadManagerDigest({ store, clock }, T, d.managerId, NOW);
      expect(one.ok && one.value).toEqual(d.view);
    }
    await store.close();
  });
});

describe('buildManagerDigest (property)', () => {
  it('never mentions anyone who is not a direct report of the manager in the same tenant', () => {
    const ids = ['p0', 'p1', 'p2', 'p3', 'p4', 'p5', 'p6', 'p7'];
    fc.assert(
      fc.property(
        fc.uniqueArray(fc.record({ id: fc.constantFrom(...ids), manager: fc.option(fc.constantFrom(...ids)), tenant: fc.constantFrom(T, 'other') }), { maxLength: 16, selector: (r) => `${r.tenant}/${r.id}` }),
        fc.constantFrom(...ids),
        (rows, managerId) => {
          const people = rows.map((r) => staff(r.tenant, r.id, { name: `N-${r.tenant}-${r.id}`, ...(r.manager ? { lineManagerId: r.manager } : {}) }));
          const manager = staff(T, managerId);
          const view = buildManagerDigest({ tenant: tenant(T), manager, staff: people, week: digestWeek(NOW), now: NOW, sessions: [], participations: [], questionnaires: [], receipts: [], gapTasks: [], responses: [] });
          for (const r of view.reports) {
            const person = people.find((p) => p.tenantId === T && p.id === r.staffId && p.name === r.name);
            expect(person?.lineManagerId).toBe(managerId);
            expect(r.staffId).not.toBe(managerId);
          }
        },
      ),
    );
  });
});
