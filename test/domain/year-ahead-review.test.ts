import { findSettingDefinition, reviewPromptDay, reviewWindowDay, reviewYearFor } from '../../src/domain';
import { tenant } from '../support/fixtures';


describe('the year-ahead review window (settings and review year)', () => {
  const ctx = { tenant: tenant('t1'), calendar: { tenantId: 't1' } as never, people: [] };
  const window = findSettingDefinition(ctx.tenant, 'year-ahead-review-window')!;

  it('the window is typed as people say it: "1 October", "1st Oct", "01/10" (day first), "10-01"; "off" turns the prompt off; a day not every year has is refused', () => {
    expect(window.show(ctx)).toBe('1 October');
    for (const typed of ['15 September', '15th sept', '15/09', '09-15']) {
      const set = window.set(ctx, typed);
      expect(set.ok && set.tenant.settings.yearAheadReviewOn).toBe('09-15');
    }
    const off = window.set(ctx, 'off');
    expect(off.ok && off.tenant.settings.yearAheadReviewOn).toBe('off');
    for (const bad of ['29 February', '31 April', '32/10', 'soon']) expect(window.set(ctx, bad)).toEqual({ ok: false, message: 'Give a day and month, e.g. 1 October (or off).' });
    const weeks = findSettingDefinition(ctx.tenant, 'year-ahead-prompt-weeks')!;
    expect(weeks.set(ctx, '9')).toEqual({ ok: false, message: 'Give a whole number from 1 to 8.' });
  });

  it('the window falls in the academic year it belongs to; the review year moves on once the next prompt has gone', () => {
    expect(reviewWindowDay('10-01', 2026)).toBe('2026-10-01');
    expect(reviewWindowDay('01-15', 2026)).toBe('2027-01-15');
    expect(reviewPromptDay('2027-09-01', 2)).toBe('2027-08-18');
    const early = { yearAheadReviewOn: '09-01', yearAheadPromptWeeks: 2 };
    expect(reviewYearFor('2027-08-17', early)).toBe('2026-27');
    expect(reviewYearFor('2027-08-18', early)).toBe('2027-28');
    expect(reviewYearFor('2027-08-18', { ...early, yearAheadReviewOn: 'off' })).toBe('2026-27');
    expect(reviewYearFor('2027-09-20', { yearAheadReviewOn: '10-01', yearAheadPromptWeeks: 2 })).toBe('2027-28');
  });
});
