import { findSessionByTitle } from '../../../src/app/sessions/find-session';
import { session, staff } from '../../support/fixtures';
import { smallSchool } from '../../support/app-world';

/** What edit, cancel, register and report find for the words typed (one lookup, four callers). */
describe('findSessionByTitle (embedded store)', () => {
  async function world() {
    const w = await smallSchool('2026-11-23T10:00:00.000Z');
    const put = (id: string, title: string, startsAt: string, extra = {}) =>
      w.store.sessions.put(session('t1', id, { title, startsAt, endsAt: new Date(Date.parse(startsAt) + 3_600_000).toISOString(), ...extra }));
    await put('past-old', 'Phonics twilight', '2026-09-01T15:00:00.000Z');
    await put('past-recent', 'Phonics twilight', '2026-11-16T15:00:00.000Z');
    await put('soon', 'Phonics twilight', '2026-11-25T15:00:00.000Z');
    await put('later', 'Phonics twilight', '2026-12-09T15:00:00.000Z');
    await put('cancelled', 'Marking policy', '2026-11-26T15:00:00.000Z', { status: 'cancelled' });
    await put('draft', 'Behaviour draft', '2026-11-10T15:00:00.000Z', { status: 'draft' });
    await put('facilitated', 'Oracy workshop', '2026-11-20T15:00:00.000Z', { facilitatorIds: ['ada'] });
    return w;
  }
  const upcomingFirst = { kind: 'upcoming-first' } as const;
  const heldBy = (at: string) => ({ kind: 'held-by', latestStart: new Date(at) }) as const;

  test('edit and cancel: the soonest upcoming match, else the latest of the last month; never a cancelled one', async () => {
    const w = await world();
    const found = await findSessionByTitle(w.deps, w.actor('lead'), 'phonics', upcomingFirst);
    expect(found.ok && found.session.id).toBe('soon');
    w.clock.set('2026-12-20T10:00:00.000Z');
    const after = await findSessionByTitle(w.deps, w.actor('lead'), 'PHONICS twilight', upcomingFirst);
    expect(after.ok && after.session.id).toBe('later');
    const cancelled = await findSessionByTitle(w.deps, w.actor('lead'), 'marking', upcomingFirst);
    expect(cancelled).toEqual({ ok: false, reason: 'none' });
    w.clock.set('2027-02-01T10:00:00.000Z');
    expect(await findSessionByTitle(w.deps, w.actor('lead'), 'phonics', upcomingFirst)).toEqual({ ok: false, reason: 'none' });
  });

  test('register and report: the latest published session started by then, words in any order', async () => {
    const w = await world();
    const report = await findSessionByTitle(w.deps, w.actor('lead'), 'twilight phonics', heldBy('2026-11-23T10:00:00.000Z'));
    expect(report.ok && report.session.id).toBe('past-recent');
    const register = await findSessionByTitle(w.deps, w.actor('lead'), 'phonics', heldBy('2026-11-25T15:30:00.000Z'));
    expect(register.ok && register.session.id).toBe('soon');
    expect(await findSessionByTitle(w.deps, w.actor('lead'), 'behaviour', heldBy('2026-11-23T10:00:00.000Z'))).toEqual({ ok: false, reason: 'none' });
  });

  test('a facilitator finds only the sessions they run; others are "not yours"', async () => {
    const w = await world();
    const ada = { ...w.actor('ada'), staff: staff('t1', 'ada', { name: 'Ada Teacher' }) };
    const own = await findSessionByTitle(w.deps, ada, 'oracy', heldBy('2026-11-23T10:00:00.000Z'));
    expect(own.ok && own.session.id).toBe('facilitated');
    expect(await findSessionByTitle(w.deps, ada, 'phonics', heldBy('2026-11-23T10:00:00.000Z'))).toEqual({ ok: false, reason: 'not-yours' });
  });

  test('nothing typed finds nothing', async () => {
    const w = await world();
    expect(await findSessionByTitle(w.deps, w.actor('lead'), '   ', upcomingFirst)).toEqual({ ok: false, reason: 'none' });
  });
});
