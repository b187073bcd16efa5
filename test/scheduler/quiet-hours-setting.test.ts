import { changeSettings } from '../../src/app/tenants';
import { delivery, tenant } from '../support/fixtures';
import { T, world } from './dispatcher-world';

/** Quiet hours are a setting (issue 25): once a lead changes them, the dispatcher holds messages by the new hours. */
describe('the quiet-hours setting is what the dispatcher uses (embedded store, manual clock)', () => {
  it('sends at 17:30 under the default 18:00 start; after "settings set quiet-hours 17:00-08:00", a message due at 17:30 waits for 08:00', async () => {
    // Tuesday 24 November 2026, 17:30 GMT.
    const w = world([], 2, '2026-11-24T17:30:00.000Z');
    await w.store.tenants.create(tenant(T));
    await w.store.deliveries.create(delivery(T, 's0', { dueAt: '2026-11-24T17:30:00.000Z' }));
    expect(await w.make('a').dispatchUntilIdle()).toMatchObject({ sent: 1, deferred: 0 });

    const changed = await changeSettings(w, T, { by: 'lead', byName: 'Lee Lead' }, { 'quiet-hours': '17:00-08:00' });
    expect(changed.ok && changed.changes.map((c) => [c.key, c.before, c.after])).toEqual([['quiet-hours', '18:00-07:30', '17:00-08:00']]);

    const later = delivery(T, 's1', { dueAt: '2026-11-24T17:30:00.000Z' });
    await w.store.deliveries.create(later);
    expect(await w.make('b').dispatchUntilIdle()).toMatchObject({ sent: 0, deferred: 1 });
    expect((await w.store.deliveries.get(T, later.id))!.value).toMatchObject({ status: 'pending', dueAt: '2026-11-25T08:00:00.000Z' });
    await w.store.close();
  });
});
