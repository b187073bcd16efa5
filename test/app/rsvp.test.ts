import { respondToInvitation } from '../../src/app/rsvp';
import { participationId } from '../../src/domain';
import { session } from '../support/fixtures';
import { smallSchool } from '../support/app-world';

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
