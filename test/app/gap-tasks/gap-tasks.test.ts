import { submitGapPlan, submitGapReport, snoozeNudge } from '../../../src/app/gap-tasks/gap-tasks';
import { gapTask } from '../../support/fixtures';
import { smallSchool } from '../../support/app-world';

const plan = {
  takeBack: 'Weekly low-stakes quizzes in Year 9',
  intendedImpact: 'Better recall of prior topics',
  startingPoint: 'Baseline quiz scores from October',
  practiceChange: 'Starters become retrieval, shared in the department meeting',
};
const report = {
  whatDone: 'Ran quizzes every Monday',
  impactSoFar: 'Average recall up from 48% to 63%',
  sustain: 'Built into the scheme of work',
  successes: 'Pupils ask for them',
  barriers: 'Marking time',
  shareWithManager: 'false',
};

describe('gap tasks (embedded store)', () => {
  test('plan then report: saved once, status moves on, a repeat changes nothing', async () => {
    const w = await smallSchool();
    const task = gapTask('t1', 'ses-1', 'ada');
    await w.store.gapTasks.put(task);
    const planned = await submitGapPlan(w.deps, w.actor('ada'), { gapTaskId: task.id, raw: plan });
    expect(planned.ok).toBe(true);
    expect(planned.view.kind === 'gap-plan' && planned.view.state).toBe('done');
    const afterPlan = await w.store.gapTasks.get('t1', task.id);
    await submitGapPlan(w.deps, w.actor('ada'), { gapTaskId: task.id, raw: { ...plan, takeBack: 'changed' } });
    expect((await w.store.gapTasks.get('t1', task.id))?.version).toBe(afterPlan?.version);

    const reported = await submitGapReport(w.deps, w.actor('ada'), { gapTaskId: task.id, raw: report });
    expect(reported.ok).toBe(true);
    const stored = (await w.store.gapTasks.get('t1', task.id))!.value;
    expect(stored.status).toBe('reported');
    expect(stored.plan?.takeBack).toBe(plan.takeBack);
    expect(stored.report?.shareWithManager).toBe(false);
    expect(reported.view.kind === 'gap-report' && reported.view.planSummary?.[0]?.value).toBe(plan.takeBack);
  });

  test('an empty or oversized field comes back marked, with the rest kept; nothing is written', async () => {
    const w = await smallSchool();
    const task = gapTask('t1', 'ses-1', 'ada');
    await w.store.gapTasks.put(task);
    const before = await w.store.gapTasks.get('t1', task.id);
    const result = await submitGapPlan(w.deps, w.actor('ada'), { gapTaskId: task.id, raw: { ...plan, startingPoint: '  ', practiceChange: 'y'.repeat(2500) } });
    expect(result.ok).toBe(false);
    if (result.view.kind !== 'gap-plan') throw new Error('expected the form back');
    expect(result.view.errors?.startingPoint).toMatch(/fill this in/);
    expect(result.view.errors?.practiceChange).toMatch(/2000 characters/);
    expect(result.view.values?.takeBack).toBe(plan.takeBack);
    expect((await w.store.gapTasks.get('t1', task.id))?.version).toBe(before?.version);
  });

  test("nobody can fill in or snooze someone else's gap task", async () => {
    const w = await smallSchool();
    const task = gapTask('t1', 'ses-1', 'ada');
    await w.store.gapTasks.put(task);
    const result = await submitGapPlan(w.deps, w.actor('ben'), { gapTaskId: task.id, raw: plan });
    expect(result.ok).toBe(false);
    expect(result.view.kind).toBe('notice');
    expect((await snoozeNudge(w.deps, w.actor('ben'), { gapTaskId: task.id })).kind).toBe('notice');
    expect((await w.store.gapTasks.get('t1', task.id))?.value.plan).toBeUndefined();
  });

  test('snooze moves the next nudge a few days on, never past the due date', async () => {
    const w = await smallSchool('2026-12-07T10:00:00.000Z');
    const task = gapTask('t1', 'ses-1', 'ada', { dueAt: '2026-12-08T16:00:00.000Z' });
    await w.store.gapTasks.put(task);
    const view = await snoozeNudge(w.deps, w.actor('ada'), { gapTaskId: task.id, days: 3 });
    expect(view.kind === 'nudge' && view.urgency).toBe('tomorrow');
    expect((await w.store.gapTasks.get('t1', task.id))?.value.snoozedUntil).toBe('2026-12-08T16:00:00.000Z');
  });
});
