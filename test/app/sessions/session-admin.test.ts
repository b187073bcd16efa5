import { runCommand } from '../../../src/app/commands';
import { handleCardAction } from '../../../src/app/card-actions';
import { cancelSession, createSession, editSession, publishSession } from '../../../src/app/sessions/session-admin';
import { markAttendance } from '../../../src/app/register/mark-attendance';
import { respondToInvitation } from '../../../src/app/sessions/rsvp';
import { participationId } from '../../../src/domain';
import { smallSchool } from '../../support/app-world';

const form = {
  title: 'Adaptive teaching',
  category: 'TL',
  kind: 'twilight',
  date: '2026-12-02',
  start: '15:45',
  end: '17:00',
  place: 'Library',
  capacity: '30',
  audienceKind: 'department',
  audienceValue: 'Maths',
  compulsory: 'false',
  intent: 'Scaffolds that fade',
  gapTask: 'Plan one scaffolded task and remove it over three lessons',
};

describe('sessions run by CPD leads (embedded store)', () => {
  test('a lead creates and publishes a session from the form, in London time; sending the form twice creates one', async () => {
    const w = await smallSchool();
    const first = await createSession(w.deps, w.actor('lead'), form, { publish: true });
    expect(first.ok).toBe(true);
    if (!first.ok) return;
    expect(first.session.startsAt).toBe('2026-12-02T15:45:00.000Z');
    expect(first.session.audience).toEqual({ kind: 'department', department: 'Maths' });
    expect(first.session.gapTask).toEqual({ intent: form.intent, task: form.gapTask });
    expect(first.session.status).toBe('published');
    const again = await createSession(w.deps, w.actor('lead'), form, { publish: true });
    expect(again.ok && again.created).toBe(false);
    expect(await w.store.sessions.count('t1', { title: 'Adaptive teaching' })).toBe(1);
  });

  test('summer time: a June session at 16:00 is 15:00 UTC; a time inside the spring-forward gap is refused', async () => {
    const w = await smallSchool();
    const june = await createSession(w.deps, w.actor('lead'), { ...form, date: '2027-06-09', start: '16:00', end: '17:00' }, { publish: false });
    expect(june.ok && june.session.startsAt).toBe('2027-06-09T15:00:00.000Z');
    const gap = await createSession(w.deps, w.actor('lead'), { ...form, date: '2027-03-28', start: '01:30', end: '03:00' }, { publish: false });
    expect(!gap.ok && gap.errors?.start).toMatch(/does not exist/);
  });

  test('bad fields are all reported at once and nothing is written', async () => {
    const w = await smallSchool();
    const result = await createSession(
      w.deps,
      w.actor('lead'),
      { ...form, title: '', category: 'Cookery', end: '15:00', place: '', capacity: 'lots', meetingUrl: 'http://insecure.example' },
      { publish: true },
    );
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(Object.keys(result.errors ?? {}).sort()).toEqual(['capacity', 'category', 'end', 'meetingUrl', 'title']);
    const timing = await createSession(w.deps, w.actor('lead'), { ...form, end: '15:00', place: '', date: '2026-11-20' }, { publish: true });
    expect(!timing.ok && Object.keys(timing.errors ?? {}).sort()).toEqual(['date', 'end', 'place']);
    expect(await w.store.sessions.count('t1', { title: 'Adaptive teaching' })).toBe(0);
  });

  test('staff cannot use lead actions', async () => {
    const w = await smallSchool();
    expect((await createSession(w.deps, w.actor('ada'), form, { publish: true })).ok).toBe(false);
    expect((await cancelSession(w.deps, w.actor('ada'), 'ses-1')).ok).toBe(false);
    expect((await editSession(w.deps, w.actor('ada'), 'ses-1', form)).ok).toBe(false);
    expect((await markAttendance(w.deps, w.actor('ada'), { sessionId: 'ses-1', marks: [{ staffId: 'ada', present: true }] })).ok).toBe(false);
    expect((await w.store.sessions.get('t1', 'ses-1'))?.value.status).toBe('published');
  });

  test('moving a published session bumps its revision; a wording change does not; cancelling is final', async () => {
    const w = await smallSchool();
    const created = await createSession(w.deps, w.actor('lead'), form, { publish: false });
    if (!created.ok) throw new Error('create failed');
    const id = created.session.id;
    expect((await publishSession(w.deps, w.actor('lead'), id)).ok).toBe(true);
    const reworded = await editSession(w.deps, w.actor('lead'), id, { ...form, title: 'Adaptive teaching (part 1)' });
    expect(reworded.ok && reworded.session.revision).toBe(0);
    const moved = await editSession(w.deps, w.actor('lead'), id, { ...form, start: '16:00', end: '17:15' });
    expect(moved.ok && moved.session.revision).toBe(1);
    expect((await cancelSession(w.deps, w.actor('lead'), id)).ok).toBe(true);
    const afterCancel = await editSession(w.deps, w.actor('lead'), id, form);
    expect(afterCancel.ok).toBe(false);
    expect((await w.store.sessions.get('t1', id))?.value.status).toBe('cancelled');
  });

  test('the register marks who came among those expected; anyone else refuses the whole register, nothing written', async () => {
    const w = await smallSchool();
    await respondToInvitation(w.deps, w.actor('ada'), { sessionId: 'ses-1', answer: 'yes' });
    await respondToInvitation(w.deps, w.actor('ben'), { sessionId: 'ses-1', answer: 'yes' });
    w.clock.set('2026-11-24T17:00:00.000Z');
    const marks = [
      { staffId: 'ada', present: true },
      { staffId: 'ben', present: false },
    ];
    // 'manager' never answered a non-compulsory session, and 'ghost' is nobody: not on the register.
    for (const stranger of ['manager', 'ghost']) {
      const refused = await markAttendance(w.deps, w.actor('lead'), { sessionId: 'ses-1', marks: [...marks, { staffId: stranger, present: true }] });
      expect(refused.ok).toBe(false);
    }
    expect(await w.store.participations.count('t1', { attended: { exists: true } })).toBe(0);
    expect(await markAttendance(w.deps, w.actor('lead'), { sessionId: 'ses-1', marks })).toEqual({ ok: true, present: 1, absent: 1, changed: 2 });
    expect((await w.store.participations.get('t1', participationId('ses-1', 'ada')))?.value).toMatchObject({ rsvp: 'yes', attended: true, attendanceMarkedBy: 'lead' });
    expect((await w.store.participations.get('t1', participationId('ses-1', 'ben')))?.value.attended).toBe(false);
  });
});

describe('the new-session button (both platforms, through the verb table)', () => {
  test("Slack's start (epoch seconds) and length in minutes become London times; errors name the fields shown", async () => {
    const w = await smallSchool();
    // 2 December 2026, 15:45 in London (GMT) = 15:45Z.
    const startsAt = String(Date.parse('2026-12-02T15:45:00.000Z') / 1000);
    const ok = await handleCardAction(w.deps, w.actor('lead'), { verb: 'session.create' }, { title: 'Oracy', category: 'TL', kind: 'twilight', startsAt, durationMinutes: '75', place: 'Hall' });
    expect(ok.ok).toBe(true);
    expect(ok.view.kind === 'notice' && ok.view.notice.text).toMatch(/"Oracy" \(Wednesday 2 December, 15:45–17:00\) is published/);
    const [created] = await w.store.sessions.find('t1', { where: { title: 'Oracy' } });
    expect(created?.value).toMatchObject({ startsAt: '2026-12-02T15:45:00.000Z', endsAt: '2026-12-02T17:00:00.000Z', status: 'published' });

    const bad = await handleCardAction(w.deps, w.actor('lead'), { verb: 'session.create' }, { title: 'Oracy 2', category: 'TL', kind: 'twilight', startsAt, durationMinutes: 'ages' });
    expect(bad.ok).toBe(false);
    expect(bad.view.kind === 'session-form' && Object.keys(bad.view.errors ?? {}).sort()).toEqual(['durationMinutes', 'place']);
    const staff = await handleCardAction(w.deps, w.actor('ada'), { verb: 'session.create' }, { title: 'Mine', category: 'TL', kind: 'twilight', startsAt, durationMinutes: '60', place: 'Hall' });
    expect(staff.ok).toBe(false);
    expect(await w.store.sessions.count('t1', { title: { in: ['Oracy 2', 'Mine'] } })).toBe(0);
  });
});

describe('editing and cancelling from chat (commands and buttons)', () => {
  const FORM = { title: 'Retrieval practice', category: 'TL', kind: 'twilight', date: '2026-11-24', start: '16:00', end: '17:30', place: 'Library' };

  test('"edit <title>" opens the form filled in for the soonest match; staff get the lead-only answer from every entry point', async () => {
    const w = await smallSchool();
    const form = await runCommand(w.deps, w.actor('lead'), 'edit retrieval');
    expect(form).toMatchObject({ kind: 'session-form', sessionId: 'ses-1', values: { title: 'Retrieval practice', date: '2026-11-24', start: '16:00', end: '17:30' } });
    expect(await runCommand(w.deps, w.actor('lead'), 'edit nothing like it')).toMatchObject({ kind: 'notice', notice: { text: expect.stringContaining("couldn't find") } });

    for (const text of ['edit retrieval', 'cancel retrieval']) expect(await runCommand(w.deps, w.actor('ada'), text)).toMatchObject({ kind: 'notice', notice: { text: expect.stringContaining('Only CPD leads') } });
    for (const verb of ['session.update', 'session.cancel', 'session.form.open'] as const) {
      const result = await handleCardAction(w.deps, w.actor('ada'), { verb, sessionId: 'ses-1' }, { ...FORM, start: '09:00' });
      expect([verb, result.ok]).toEqual([verb, false]);
    }
    expect((await w.store.sessions.get('t1', 'ses-1'))?.value).toMatchObject({ status: 'published', startsAt: '2026-11-24T16:00:00.000Z' });
  });

  test('a refused edit comes back as the edit form with its errors; a good one bumps the revision; cancel asks, then cancels once', async () => {
    const w = await smallSchool();
    const bad = await handleCardAction(w.deps, w.actor('lead'), { verb: 'session.update', sessionId: 'ses-1' }, { ...FORM, end: '15:00' });
    expect(bad).toMatchObject({ ok: false, view: { kind: 'session-form', sessionId: 'ses-1', errors: { end: 'The session must end after it starts.' }, values: { end: '15:00' } } });
    const good = await handleCardAction(w.deps, w.actor('lead'), { verb: 'session.update', sessionId: 'ses-1' }, { ...FORM, start: '15:30' });
    expect(good).toMatchObject({ ok: true, view: { kind: 'notice', notice: { text: expect.stringContaining('Everyone booked on will be told') } } });
    expect((await w.store.sessions.get('t1', 'ses-1'))?.value).toMatchObject({ startsAt: '2026-11-24T15:30:00.000Z', revision: 1 });

    expect(await runCommand(w.deps, w.actor('lead'), 'cancel retrieval')).toMatchObject({ kind: 'session-cancel', cancelled: false });
    expect((await w.store.sessions.get('t1', 'ses-1'))?.value.status).toBe('published');
    for (let i = 0; i < 2; i++) {
      expect(await handleCardAction(w.deps, w.actor('lead'), { verb: 'session.cancel', sessionId: 'ses-1' })).toMatchObject({ ok: true, view: { kind: 'session-cancel', cancelled: true } });
    }
    // A cancelled session is no longer offered for editing or cancelling.
    expect(await runCommand(w.deps, w.actor('lead'), 'edit retrieval')).toMatchObject({ kind: 'notice' });
  });

  test("another tenant's lead cannot edit or cancel this tenant's session by its id", async () => {
    const w = await smallSchool();
    const otherLead = { tenant: { ...w.tenant, id: 't2' }, staff: { ...w.people.lead!, tenantId: 't2' } };
    for (const verb of ['session.update', 'session.cancel'] as const) {
      const result = await handleCardAction(w.deps, otherLead, { verb, sessionId: 'ses-1' }, FORM);
      expect([verb, result.ok]).toEqual([verb, false]);
    }
    expect((await w.store.sessions.get('t1', 'ses-1'))?.value).toMatchObject({ status: 'published', revision: 0 });
  });
});
