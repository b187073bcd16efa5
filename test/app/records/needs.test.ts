import { handleCardAction } from '../../../src/app/card-actions';
import { runCommand } from '../../../src/app/commands';
import { renderAdaptiveCard } from '../../../src/cards/adaptive/render-adaptive-card';
import { renderBlockKitMessage, renderBlockKitModal } from '../../../src/cards/blockkit';
import { smallSchool } from '../../support/app-world';
import { staff } from '../../support/fixtures';
import { adaptiveCardProblems } from '../../cards/adaptive/validate-adaptive-card';

describe('needs: the "year ahead" self-review and the lead’s summary', () => {
  it('each person sends one review a year (again replaces it); the lead sees counts and themes only, withheld under five', async () => {
    const w = await smallSchool();
    const form = await runCommand(w.deps, w.actor('ada'), 'year ahead');
    if (form.kind !== 'needs-form') throw new Error(`expected the form, got ${form.kind}`);
    expect(form.year).toBe('2026-27');
    expect(adaptiveCardProblems(renderAdaptiveCard(form))).toEqual([]);
    expect(renderBlockKitModal(form, '{}').callback_id).toBe('needs.submit');

    const bad = await handleCardAction(w.deps, w.actor('ada'), { verb: 'needs.submit' }, { strengths: 'Questioning', aspirations: '', preferred: '', developmentAspect: 'Behaviour', developmentStrands: 'skill' });
    expect(bad.ok).toBe(false);
    expect(bad.view.kind === 'needs-form' && bad.view.errors).toEqual({ aspirations: 'Please fill this in.', preferred: 'Choose at least one.' });
    expect(await w.store.needsReviews.count('t1')).toBe(0);

    const answer = { strengths: 'Questioning and behaviour routines', developmentAspect: 'Behaviour for learning', developmentStrands: 'skill', aspirations: 'Lead behaviour across the year group', preferred: 'coaching,twilights' };
    expect((await handleCardAction(w.deps, w.actor('ada'), { verb: 'needs.submit' }, answer)).ok).toBe(true);
    expect((await handleCardAction(w.deps, w.actor('ada'), { verb: 'needs.submit' }, { ...answer, preferred: ['coaching'] })).ok).toBe(true);
    expect(await w.store.needsReviews.count('t1')).toBe(1);
    const again = await runCommand(w.deps, w.actor('ada'), 'year ahead');
    expect(again.kind === 'needs-form' && again.values?.preferred).toBe('coaching');

    const few = await runCommand(w.deps, w.actor('lead'), 'needs');
    expect(few).toMatchObject({ kind: 'needs-summary', responses: 1, preferred: [], withheld: 'Results appear once 5 people have sent a review.' });

    for (const id of ['p1', 'p2', 'p3', 'p4', 'p5']) {
      await w.store.staff.put(staff('t1', id, { name: `Person ${id}` }));
      await handleCardAction(w.deps, { tenant: w.tenant, staff: staff('t1', id, { name: `Person ${id}` }) }, { verb: 'needs.submit' }, { ...answer, aspirations: `Improve behaviour in my classes (${id})` });
    }
    const summary = await runCommand(w.deps, w.actor('lead'), 'needs');
    if (summary.kind !== 'needs-summary') throw new Error('expected the summary');
    expect(summary.responses).toBe(6);
    expect(summary.withheld).toBeUndefined();
    expect(summary.preferred).toEqual([
      { label: 'Coaching or mentoring', count: 6 },
      { label: 'Twilight sessions', count: 5 },
    ]);
    expect(JSON.stringify(summary)).not.toMatch(/Ada|Person|p1|year group/);
    expect(adaptiveCardProblems(renderAdaptiveCard(summary))).toEqual([]);
    expect(JSON.stringify(renderBlockKitMessage(summary).blocks)).toContain('Coaching or mentoring: 6');

    const refused = await runCommand(w.deps, w.actor('manager'), 'needs');
    expect(refused.kind === 'notice' && refused.notice.text).toMatch(/Only CPD leads can do that/);
    await w.store.close();
  });
});
