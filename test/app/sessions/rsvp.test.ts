import { respondToInvitation } from '../../../src/app/sessions/rsvp';
import { deliveryId, participationId } from '../../../src/domain';
import { session } from '../../support/fixtures';
import { smallSchool } from '../../support/app-world';

describe('RSVP use case (embedded store)', () => {
  test('yes books a place; saying it twice changes nothing', async () => {
    const w = await smallSchool();
    const first = await respondToInvitation(w.deps, w.actor('ada'), { sessionId: 'ses-1', answer: 'yes' });
    expect(first.ok).toBe(true);
    expect(first.view.kind === 'invitation' && first.view.session.rsvp).toBe('yes');
    const stored = await w.store.participations.get('t1', participationId('ses-1', 'ada'));
    w.clock.advance(60_000);
    await respondToInvitation(w.deps, w.actor('ada'), { sessionId: 'ses-1', answer: 'yes' });
    const again = await w.store.participations.get('t1', participationId('ses-1', 'ada'));
    expect(again?.version).toBe(stored?.version);
    expect(await w.store.participations.count('t1')).toBe(1);
  });

  test('a full session waitlists the next yes; a freed place goes to them and they are told', async () => {
    const w = await smallSchool();
    await w.store.sessions.put(session('t1', 'ses-1', { capacity: 1 }));
    await respondToInvitation(w.deps, w.actor('ada'), { sessionId: 'ses-1', answer: 'yes' });
    w.clock.advance(1000);
    const ben = await respondToInvitation(w.deps, w.actor('ben'), { sessionId: 'ses-1', answer: 'yes' });
    expect(ben.view.kind === 'invitation' && ben.view.session.rsvp).toBe('waitlist');
    expect(ben.view.kind === 'invitation' && ben.view.notice?.text).toMatch(/waiting list/);
    w.clock.advance(1000);
    await respondToInvitation(w.deps, w.actor('ada'), { sessionId: 'ses-1', answer: 'no' });
    expect((await w.store.participations.get('t1', participationId('ses-1', 'ben')))?.value.rsvp).toBe('yes');
    const told = await w.store.deliveries.find('t1', { where: { kind: 'waitlist-promoted' } });
    expect(told.map((d) => d.value.recipientId)).toEqual(['ben']);
    // Monday 10:02: an allowed time, so due at once.
    expect(told[0]!.value.dueAt).toBe('2026-11-23T10:00:02.000Z');
  });

  /** Ada takes the only place, Ben waits, then Ada says no at `freedAt`. */
  async function freedAt(freed: string, sessionTimes?: { startsAt: string; endsAt: string }) {
    const w = await smallSchool();
    await w.store.sessions.put(session('t1', 'ses-1', { capacity: 1, ...sessionTimes }));
    await respondToInvitation(w.deps, w.actor('ada'), { sessionId: 'ses-1', answer: 'yes' });
    w.clock.advance(1000);
    await respondToInvitation(w.deps, w.actor('ben'), { sessionId: 'ses-1', answer: 'yes' });
    w.clock.set(freed);
    await respondToInvitation(w.deps, w.actor('ada'), { sessionId: 'ses-1', answer: 'no' });
    expect((await w.store.participations.get('t1', participationId('ses-1', 'ben')))?.value.rsvp).toBe('yes');
    return (await w.store.deliveries.find('t1', { where: { kind: 'waitlist-promoted' } })).map((d) => d.value);
  }

  test('a place freed at 22:00 is told at 07:30 the next morning, under the same deterministic id', async () => {
    const told = await freedAt('2026-11-23T22:00:00.000Z');
    expect(told.map((d) => [d.id, d.recipientId, d.dueAt])).toEqual([[deliveryId('waitlist-promoted', 'ben', 'ses-1', '0'), 'ben', '2026-11-24T07:30:00.000Z']]);
    expect(told[0]!.sendExemption?.sessionDays).toEqual(['2026-11-24']);
  });

  test('a place freed on Friday evening for a Saturday session is told on Saturday at 07:30, the session being then', async () => {
    const told = await freedAt('2026-11-27T20:00:00.000Z', { startsAt: '2026-11-28T10:00:00.000Z', endsAt: '2026-11-28T12:00:00.000Z' });
    expect(told.map((d) => d.dueAt)).toEqual(['2026-11-28T07:30:00.000Z']);
  });

  test('a place freed in the hour before an early session is told at once, as its reminder would be', async () => {
    const told = await freedAt('2026-11-24T06:30:00.000Z', { startsAt: '2026-11-24T07:00:00.000Z', endsAt: '2026-11-24T08:00:00.000Z' });
    expect(told.map((d) => d.dueAt)).toEqual(['2026-11-24T06:30:00.000Z']);
  });

  test('no message when it could only arrive once the session has begun', async () => {
    // Reminders 0 minutes before: nothing waives quiet hours, and 07:30 is after a 07:00 start.
    const w = await smallSchool();
    const noSpan = { ...w.tenant, settings: { ...w.tenant.settings, reminderMinutesBefore: 0 } };
    const actor = (who: 'ada' | 'ben') => ({ ...w.actor(who), tenant: noSpan });
    await w.store.sessions.put(session('t1', 'ses-1', { capacity: 1, startsAt: '2026-11-24T07:00:00.000Z', endsAt: '2026-11-24T08:00:00.000Z' }));
    await respondToInvitation(w.deps, actor('ada'), { sessionId: 'ses-1', answer: 'yes' });
    w.clock.advance(1000);
    await respondToInvitation(w.deps, actor('ben'), { sessionId: 'ses-1', answer: 'yes' });
    w.clock.set('2026-11-23T22:00:00.000Z');
    await respondToInvitation(w.deps, actor('ada'), { sessionId: 'ses-1', answer: 'no' });
    expect((await w.store.participations.get('t1', participationId('ses-1', 'ben')))?.value.rsvp).toBe('yes');
    expect(await w.store.deliveries.count('t1', { kind: 'waitlist-promoted' })).toBe(0);
  });

  test('no answers are taken for a session that has started, is a draft, or does not exist', async () => {
    const w = await smallSchool();
    w.clock.set('2026-11-24T16:30:00.000Z');
    const late = await respondToInvitation(w.deps, w.actor('ada'), { sessionId: 'ses-1', answer: 'yes' });
    expect(late.ok).toBe(false);
    await w.store.sessions.put(session('t1', 'ses-draft', { status: 'draft', startsAt: '2026-12-24T16:00:00.000Z', endsAt: '2026-12-24T17:00:00.000Z' }));
    expect((await respondToInvitation(w.deps, w.actor('ada'), { sessionId: 'ses-draft', answer: 'yes' })).ok).toBe(false);
    expect((await respondToInvitation(w.deps, w.actor('ada'), { sessionId: 'nope', answer: 'yes' })).view.kind).toBe('notice');
    expect(await w.store.participations.count('t1')).toBe(0);
  });
});
