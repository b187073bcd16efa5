import { impactFollowUpId, participationId } from '../../../src/domain';
import { gapTaskFigures } from '../../../src/cards/wording/lead-digest';
import { loadLeadDigest } from '../../../src/app/digests/load-lead-digest';
import { loadLeadSessionReport } from '../../../src/app/reports/load-lead-session-report';
import { loadProgrammeReport } from '../../../src/app/reports/load-programme-report';
import { smallSchool } from '../../support/app-world';
import { gapTask, staff } from '../../support/fixtures';

describe('report <session>: evaluation by level', () => {
  it('counts asked and answered at each level, and withholds results under the minimum', async () => {
    const w = await smallSchool('2027-01-20T10:00:00.000Z');
    const people = ['p1', 'p2', 'p3', 'p4', 'p5', 'p6'];
    for (const id of people) {
      await w.store.staff.put(staff('t1', id));
      await w.store.participations.put({ tenantId: 't1', id: participationId('ses-1', id), sessionId: 'ses-1', staffId: id, rsvp: 'yes', attended: true });
    }
    await w.store.gapTasks.put(gapTask('t1', 'ses-1', 'p1', { status: 'reported', longTermImpact: { recordedBy: 'lead', impact: 'Sustained.', recordedAt: '2027-01-19T10:00:00.000Z' } } as never));
    const person = { applied: 'yes' as const, how: 'x', pupilChange: 'y', evidence: ['pupil-data' as const], submittedAt: '2027-01-12T09:00:00.000Z' };
    for (const [i, id] of people.entries()) {
      await w.store.impactFollowUps.put({
        tenantId: 't1',
        id: impactFollowUpId('ses-1', id),
        sessionId: 'ses-1',
        staffId: id,
        askedAt: '2027-01-12T08:30:00.000Z',
        status: i < 5 ? 'answered' : 'asked',
        ...(i < 5 ? { person: { ...person, applied: i === 0 ? ('not-yet' as const) : ('yes' as const) } } : {}),
      });
    }
    const report = await loadLeadSessionReport(w.deps, 't1', 'ses-1');
    if (!report.ok) throw new Error(report.message);
    expect(report.value.levels).toEqual([
      { level: 'Level 1: Reaction', asked: 6, answered: 0 },
      { level: 'Level 2: Applied (gap task reports)', asked: 1, answered: 1 },
      { level: 'Levels 2–3: Applied, impact on pupils (follow-up)', asked: 6, answered: 5, result: '4 applied it in full or in part' },
      { level: "Level 2: Line manager's view", asked: 5, answered: 0 },
      { level: 'Level 4: Longer-term impact (senior leader)', asked: 1, answered: 1 },
    ]);

    // The year's programme report carries the same levels over all its sessions.
    const year = await loadProgrammeReport(w.deps, 't1', w.clock.now());
    expect(year.ok && year.value.levels?.map((l) => [l.level, l.asked, l.answered])).toEqual([
      ['Level 1: Reaction', 6, 0],
      ['Level 2: Applied (gap task reports)', 1, 1],
      ['Levels 2–3: Applied, impact on pupils (follow-up)', 6, 5],
      ["Level 2: Line manager's view", 5, 0],
      ['Level 4: Longer-term impact (senior leader)', 1, 1],
    ]);

    // One answer fewer and the follow-up's result is withheld.
    await w.store.impactFollowUps.put({ tenantId: 't1', id: impactFollowUpId('ses-1', 'p5'), sessionId: 'ses-1', staffId: 'p5', askedAt: '2027-01-12T08:30:00.000Z', status: 'asked' });
    const smaller = await loadLeadSessionReport(w.deps, 't1', 'ses-1');
    expect(smaller.ok && smaller.value.levels?.[2]).toEqual({ level: 'Levels 2–3: Applied, impact on pupils (follow-up)', asked: 6, answered: 4, result: 'withheld (fewer than 5)' });
    await w.store.close();
  });

  it("the lead digest lists follow-ups still due from people and from their line managers, and leaves the line out when there are none", async () => {
    const w = await smallSchool('2027-01-18T08:00:00.000Z');
    const none = await loadLeadDigest(w.deps, 't1', 'lead', w.clock.now());
    expect(none.ok && none.value.impactFollowUps).toBeUndefined();
    const base = { tenantId: 't1', sessionId: 'ses-1', askedAt: '2027-01-12T08:30:00.000Z' };
    await w.store.impactFollowUps.put({ ...base, id: impactFollowUpId('ses-1', 'ada'), staffId: 'ada', status: 'asked' });
    await w.store.impactFollowUps.put({ ...base, id: impactFollowUpId('ses-1', 'ben'), staffId: 'ben', status: 'answered', person: { applied: 'yes', how: 'x', pupilChange: 'y', evidence: ['pupil-voice'], submittedAt: '2027-01-13T09:00:00.000Z' } });
    const digest = await loadLeadDigest(w.deps, 't1', 'lead', w.clock.now());
    if (!digest.ok) throw new Error(digest.message);
    expect(digest.value.impactFollowUps).toEqual({ awaitingAnswer: 1, awaitingManager: 1 });
    expect(gapTaskFigures(digest.value)).toEqual(expect.arrayContaining([{ label: 'Impact follow-ups awaiting an answer', value: '1' }, { label: "Awaiting the line manager's view", value: '1' }]));
    expect(JSON.stringify(digest.value)).not.toMatch(/Ada|Ben/);
    await w.store.close();
  });
});
