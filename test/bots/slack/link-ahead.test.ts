import { deliveryId, NO_LINKED_ACCOUNT, Staff } from '../../../src/domain';
import type { Scheduler } from '../../../src/scheduler/scheduler';
import { onBothStores } from '../../support/both-stores';
import { delivery } from '../../support/fixtures';
import { startTestScheduler, virtualSleep } from '../../support/test-scheduler';
import { JO, TENANT, seedSchool, startSlackHarness, type SlackHarness } from './slack-harness';

const SAM = { id: 'USAM', email: 'sam.okafor@school.example', name: 'Sam Okafor' };
const INVITATION = deliveryId('invitation', 'stf-jo', 'ses-1');

/** Issue 24 item 12: Slack staff are linked by e-mail ahead of contact, and what failed for want of a link is sent then. */
onBothStores('link-ahead', (label, open, done) => {
  describe(`Slack staff linked ahead by e-mail via fake Slack API and the real scheduler (${label})`, () => {
    let h: SlackHarness;
    let scheduler: Scheduler;
    beforeAll(async () => {
      h = await startSlackHarness({ openStore: open });
      // A Monday morning in term: the session (Tuesday 24th) is a week off.
      h.clock.set('2026-11-16T09:00:00.000Z');
      await seedSchool(h);
      // Jo has not joined the Slack workspace yet.
      h.api.users.delete(JO.id);
      scheduler = startTestScheduler(h, [h.bot.sender], 'link-test', { linkStaff: () => h.bot.linkStaffByEmail(undefined, { sleep: virtualSleep(h.clock) }) });
    });
    afterAll(async () => {
      await scheduler.stop();
      await h.close();
      await done();
    });

    it('links at start, after a roster import and daily; a failed invitation goes once Jo is linked, an expired one never', async () => {
      // At start: the lead is in the workspace and linked before anything is sent; Jo is not.
      await scheduler.runOnce();
      expect((await h.store.staff.get(TENANT, 'stf-lead'))!.value.slack).toEqual({ userId: 'ULEAD', teamId: 'T0SCHOOL' });
      // Only the lead is reached: their invitation, and the programme digest that says Jo could not be.
      const sent = h.api.callsOf('chat.postMessage');
      expect(new Set(sent.map((c) => c.args.channel))).toEqual(new Set(['ULEAD']));
      expect(sent.filter((c) => String(c.args.text).startsWith('You are invited'))).toHaveLength(1);
      const failed = (await h.store.deliveries.get(TENANT, INVITATION))!.value;
      expect(failed).toMatchObject({ status: 'failed', lastError: NO_LINKED_ACCOUNT });
      // A reminder that failed the same way and whose moment has passed must never go.
      const stale = delivery(TENANT, 'stf-jo', { kind: 'reminder-hour-before', status: 'failed', lastError: NO_LINKED_ACCOUNT, dueAt: '2026-11-10T15:00:00.000Z', expiresAt: '2026-11-10T16:00:00.000Z' });
      await h.store.deliveries.put(stale);

      // A roster import (the CLI writes from its own process) adds Sam, who is in the workspace:
      // linked on the next tick, and so his invitation is a DM at once, not a failure.
      h.api.users.set(SAM.id, SAM);
      await h.store.staff.create(Staff.parse({ tenantId: TENANT, id: 'stf-sam', name: SAM.name, email: SAM.email }));
      h.clock.set('2026-11-16T09:01:00.000Z');
      await scheduler.runOnce();
      expect((await h.store.staff.get(TENANT, 'stf-sam'))!.value.slack?.userId).toBe(SAM.id);
      expect((await h.store.deliveries.get(TENANT, deliveryId('invitation', 'stf-sam', 'ses-1')))!.value.status).toBe('sent');

      // Jo joins the workspace. Within the day nothing asks Slack again (no import, no new day)...
      h.api.users.set(JO.id, JO);
      const listsBefore = h.api.callsOf('users.list').length;
      h.clock.set('2026-11-16T15:00:00.000Z');
      await scheduler.runOnce();
      expect(h.api.callsOf('users.list')).toHaveLength(listsBefore);
      expect((await h.store.staff.get(TENANT, 'stf-jo'))!.value.slack).toBeUndefined();

      // ...and the next morning's pass links Jo, and the invitation that failed is sent then (on the next tick).
      h.clock.set('2026-11-17T09:01:00.000Z');
      await scheduler.runOnce();
      expect((await h.store.staff.get(TENANT, 'stf-jo'))!.value.slack).toEqual({ userId: JO.id, teamId: 'T0SCHOOL' });
      expect((await h.store.deliveries.get(TENANT, INVITATION))!.value.status).toBe('pending');
      h.clock.set('2026-11-17T09:02:00.000Z');
      await scheduler.runOnce();
      const toJo = h.api.callsOf('chat.postMessage').filter((c) => c.args.channel === JO.id);
      expect(toJo).toHaveLength(1);
      expect(JSON.stringify(toJo[0]!.args.blocks)).toContain('Retrieval practice that sticks');
      expect((await h.store.deliveries.get(TENANT, INVITATION))!.value).toMatchObject({ status: 'sent', platform: 'slack' });
      expect((await h.store.deliveries.get(TENANT, stale.id))!.value.status).toBe('failed');
    });
  });
});

describe('linking ahead reads the workspace a page at a time, spaced for Slack Tier 2 (fake Slack API)', () => {
  let h: SlackHarness;
  beforeAll(async () => {
    h = await startSlackHarness();
    await seedSchool(h);
  });
  afterAll(() => h.close());

  it('450 members are three users.list pages with a 3 s wait between each; both staff are linked', async () => {
    for (let i = 0; i < 448; i++) h.api.users.set(`UX${i}`, { id: `UX${i}`, email: `someone${i}@elsewhere.example`, name: `Someone ${i}` });
    const waits: number[] = [];
    const counts = await h.bot.linkStaffByEmail(undefined, { sleep: async (ms) => void waits.push(ms) });
    expect(counts).toEqual({ tenantId: TENANT, linked: 2, notFound: 0 });
    expect(h.api.callsOf('users.list').map((c) => c.args.limit)).toEqual(['200', '200', '200']);
    expect(waits).toEqual([3000, 3000]);
    expect(h.api.callsOf('users.lookupByEmail')).toEqual([]);
  });
});
