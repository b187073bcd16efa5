import { createSession, editSession } from '../../../src/app/sessions/session-admin';
import { sessionFormValues } from '../../../src/app/sessions/session-form-values';
import { smallSchool } from '../../support/app-world';

const form = { title: 'Questioning for all', category: 'TL', kind: 'twilight', date: '2026-12-02', start: '15:45', end: '17:00', place: 'Library' };

describe('the lead marks a session for an impact follow-up (session form field impactWeeks)', () => {
  test('weeks are stored as the session setting, refused beside the field outside 1–26, shown again when editing, and cleared when emptied', async () => {
    const w = await smallSchool();
    const bad = await createSession(w.deps, w.actor('lead'), { ...form, impactWeeks: '0' }, { publish: true });
    expect(bad).toMatchObject({ ok: false, errors: { impactWeeks: 'Give a whole number of weeks from 1 to 26, or yes.' } });
    expect(await w.store.sessions.count('t1', { title: 'Questioning for all' })).toBe(0);

    const created = await createSession(w.deps, w.actor('lead'), { ...form, impactWeeks: '6' }, { publish: true });
    if (!created.ok) throw new Error(created.message);
    expect(created.session.impactFollowUp).toEqual({ weeksAfter: 6 });
    expect(sessionFormValues(created.session, w.tenant, []).impactWeeks).toBe('6');

    const cleared = await editSession(w.deps, w.actor('lead'), created.session.id, { ...form, impactWeeks: '' });
    expect(cleared.ok && cleared.session.impactFollowUp).toBeUndefined();
    await w.store.close();
  });

  test('"yes" takes the school\'s own number of weeks: the follow-up-weeks setting', async () => {
    const w = await smallSchool();
    const lead = w.actor('lead');
    const actor = { ...lead, tenant: { ...lead.tenant, settings: { ...lead.tenant.settings, impactFollowUpWeeks: 9 } } };
    const created = await createSession(w.deps, actor, { ...form, impactWeeks: 'yes' }, { publish: true });
    if (!created.ok) throw new Error(created.message);
    expect(created.session.impactFollowUp).toEqual({ weeksAfter: 9 });
    await w.store.close();
  });
});
