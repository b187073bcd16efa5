import { handleCardAction } from '../../../src/app/card-actions';
import { externalSessionId } from '../../../src/app/requests/request-booking';
import { submitQuestionnaire } from '../../../src/app/questionnaires/submit-questionnaire';
import { submitGapPlan, submitGapReport } from '../../../src/app/gap-tasks/gap-tasks';
import { runCommand } from '../../../src/app/commands';
import { gapTaskId } from '../../../src/domain';
import { planTenant } from '../../../src/scheduler/plan/plan-tenant';
import { cpdRequest } from '../../support/cpd-request-fixtures';
import { smallSchool } from '../../support/app-world';

describe('after a booked course (planner with the clock moved, embedded store)', () => {
  test('attended once it ends, a questionnaire and a "share what you learned" task follow; evaluated once answered', async () => {
    const w = await smallSchool('2026-11-23T10:00:00.000Z');
    const request = cpdRequest('t1', 'req-1', {
      requesterId: 'ada',
      status: 'approved',
      steps: [{ role: 'line-manager', approverId: 'manager', reachedAt: '2026-11-23T09:00:00.000Z', decision: { outcome: 'approved', by: 'manager', at: '2026-11-23T09:30:00.000Z' } }],
    });
    await w.store.cpdRequests.create(request);
    const booked = await handleCardAction(w.deps, w.actor('lead'), { verb: 'request.book', requestId: 'req-1' }, { actualCost: '240', reference: 'FEH-1' });
    expect(booked.ok).toBe(true);
    const sessionId = externalSessionId('req-1');

    // Before the course: still booked, and no invitation (she asked for it).
    await planTenant(w.deps, 't1');
    expect((await w.store.cpdRequests.get('t1', 'req-1'))?.value.status).toBe('booked');
    const aboutCourse = async (kind: string) => (await w.store.deliveries.find('t1', { where: { kind, recipientId: 'ada' } })).filter((d) => d.value.subject.sessionId === sessionId);
    expect(await aboutCourse('invitation')).toHaveLength(0);

    // The evening after the course (12 January 2027, 09:00–15:30 in London): still booked until she
    // says she went (issue 26); she is asked, once, and her yes puts it on her record.
    w.clock.set('2027-01-12T17:00:00.000Z');
    await planTenant(w.deps, 't1');
    expect((await w.store.cpdRequests.get('t1', 'req-1'))?.value.status).toBe('booked');
    expect((await runCommand(w.deps, w.actor('ada'), 'my cpd'))).toMatchObject({ kind: 'my-record', rows: [] });
    const asked = await aboutCourse('course-attendance');
    expect(asked.map((d) => ({ dueAt: d.value.dueAt, requestId: d.value.subject.requestId }))).toEqual([{ dueAt: '2027-01-12T17:00:00.000Z', requestId: 'req-1' }]);
    // Nothing about the course follows until she says she went.
    expect(await w.store.gapTasks.get('t1', gapTaskId(sessionId, 'ada'))).toBeUndefined();
    expect(await aboutCourse('questionnaire')).toHaveLength(0);
    await planTenant(w.deps, 't1');
    expect(await aboutCourse('course-attendance')).toHaveLength(1);
    const yes = await handleCardAction(w.deps, w.actor('ada'), { verb: 'request.attended', requestId: 'req-1' }, {});
    expect(yes).toMatchObject({ ok: true, view: { kind: 'cpd-request', status: 'attended', notice: { tone: 'good' } } });
    expect((await w.store.cpdRequests.get('t1', 'req-1'))?.value).toMatchObject({ status: 'attended', attendedAt: '2027-01-12T17:00:00.000Z' });
    const record = await runCommand(w.deps, w.actor('ada'), 'my cpd');
    expect(record).toMatchObject({ kind: 'my-record', rows: [{ cpd: 'Leading early reading (External course: Fenland English Hub, Teaching & learning, £240.00)', hours: 6.5, year: '2026-27' }], years: [{ year: '2026-27', hours: 6.5, entries: 1 }] });
    await planTenant(w.deps, 't1');
    const share = (await w.store.gapTasks.get('t1', gapTaskId(sessionId, 'ada')))?.value;
    expect(share?.intent).toBe('Share what you learned on Leading early reading');
    expect(await aboutCourse('gap-plan-request')).toHaveLength(1);
    expect((await aboutCourse('questionnaire')).length).toBe(1);
    const [questionnaire] = await w.store.questionnaires.find('t1', { where: { sessionId } });
    expect(questionnaire).toBeDefined();

    const answers = Object.fromEntries(questionnaire!.value.questions.filter((q) => q.required).map((q) => [q.id, q.kind === 'rating' ? '4' : q.kind === 'yes-no' ? 'no' : 'Useful']));
    const answered = await submitQuestionnaire(w.deps, w.actor('ada'), { questionnaireId: questionnaire!.value.id, raw: answers });
    expect(answered.ok).toBe(true);
    w.clock.advance(60_000);
    await planTenant(w.deps, 't1');
    expect((await w.store.cpdRequests.get('t1', 'req-1'))?.value.status).toBe('evaluated');

    // The sharing task is done like any gap task; the lead's budget shows what each impact report cost.
    const shareId = gapTaskId(sessionId, 'ada');
    const plan = { takeBack: 'Phonics routines', intendedImpact: 'Fluent Year 1 readers', startingPoint: 'Autumn check scores', practiceChange: 'A slot at the English department meeting' };
    expect((await submitGapPlan(w.deps, w.actor('ada'), { gapTaskId: shareId, raw: plan })).ok).toBe(true);
    const report = { whatDone: 'Led the department meeting slot', impactSoFar: 'Two colleagues use the routines', sustain: 'In the scheme of work', successes: 'Pupils more confident', barriers: 'Time' };
    expect((await submitGapReport(w.deps, w.actor('ada'), { gapTaskId: shareId, raw: report })).ok).toBe(true);
    const budget = await runCommand(w.deps, w.actor('lead'), 'budget 2026-27');
    expect(budget).toMatchObject({ kind: 'cpd-budget', costPerAttendeeText: '£240.00 per course attended (1)', costPerImpactReportText: '£240.00 per impact report returned (1)' });
  });
});
