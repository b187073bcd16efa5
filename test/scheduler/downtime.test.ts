import { participationId } from '../../src/domain';
import { loadLeadDigest } from '../../src/app/digests/load-lead-digest';
import { planTenant } from '../../src/scheduler/plan/plan-tenant';
import { session, staff, tenant } from '../support/fixtures';
import { T, world } from './dispatcher-world';

describe('stale messages after downtime (planner + dispatcher, embedded store, manual clock)', () => {
  it('bot stopped Saturday evening, started Monday 07:31: a Sunday session’s invitation and "Tomorrow" reminder expire unsent (its questionnaire still goes), and the lead digest counts them', async () => {
    // Saturday 21 November 2026, 08:00 London (GMT).
    const w = world([], 1, '2026-11-21T08:00:00.000Z');
    await w.store.tenants.create(tenant(T));
    await w.store.staff.create(staff(T, 's0', { teams: { aadObjectId: 'aad-0' } }));
    await w.store.staff.create(staff(T, 'lead', { roles: ['cpd-lead'] }));
    // A Sunday session, published Saturday morning; s0 said yes at once.
    await w.store.sessions.create(
      session(T, 'ses-sun', { title: 'Sunday revision clinic', startsAt: '2026-11-22T10:00:00.000Z', endsAt: '2026-11-22T12:00:00.000Z', publishedAt: '2026-11-21T08:00:00.000Z', audience: { kind: 'staff', staffIds: ['s0'] } }),
    );
    await w.store.participations.create({ tenantId: T, id: participationId('ses-sun', 's0'), sessionId: 'ses-sun', staffId: 's0', rsvp: 'yes', rsvpAt: '2026-11-21T08:00:00.000Z' });

    // Saturday 17:50: the planner writes the invitation and the day-before reminder (due Sunday
    // morning, the session's day); then the bot is stopped before sending them.
    w.clock.set('2026-11-21T17:50:00.000Z');
    await planTenant({ store: w.store, clock: w.clock }, T);
    const planned = (await w.store.deliveries.find(T, {})).map((r) => r.value);
    expect(planned.map((d) => d.kind).sort()).toEqual(['invitation', 'reminder-day-before']);
    for (const d of planned) expect(d.expiresAt).toBe('2026-11-22T10:00:00.000Z');

    // Monday 07:31: started again. The planner plans nothing more; the dispatcher sends nothing stale.
    w.clock.set('2026-11-23T07:31:00.000Z');
    await planTenant({ store: w.store, clock: w.clock }, T);
    const summary = await w.make('monday').dispatchUntilIdle();
    const sentKinds = await Promise.all(w.teams.sends.map(async (s) => (await w.store.deliveries.get(T, s.deliveryId))?.value.kind));
    // Only the questionnaire (open for a week after the session) is still worth sending.
    expect(sentKinds).toEqual(['questionnaire']);
    expect(summary).toMatchObject({ sent: 1, expired: 2 });
    const after = await Promise.all(planned.map(async (d) => (await w.store.deliveries.get(T, d.id))!.value.status));
    expect(after).toEqual(['expired', 'expired']);

    // The lead hears of it in the week's attention list.
    const digest = await loadLeadDigest({ store: w.store, clock: w.clock }, T, 'lead', w.clock.now());
    if (!digest.ok) throw new Error(digest.message);
    expect(digest.value.attention.map((a) => a.text)).toContainEqual(expect.stringMatching(/^2 messages expired unsent/));
    await w.store.close();
  });

  it('a message still in time is sent as before', async () => {
    const w = world([], 1, '2026-11-23T09:00:00.000Z');
    await w.store.tenants.create(tenant(T));
    await w.store.staff.create(staff(T, 's0', { teams: { aadObjectId: 'aad-0' } }));
    await w.store.sessions.create(session(T, 'ses-1', { publishedAt: '2026-11-23T09:00:00.000Z', audience: { kind: 'staff', staffIds: ['s0'] } }));
    await planTenant({ store: w.store, clock: w.clock }, T);
    expect(await w.make('i').dispatchUntilIdle()).toMatchObject({ sent: 1, expired: 0 });
    await w.store.close();
  });
});
