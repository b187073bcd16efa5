import { handleCardAction } from '../../../src/app/card-actions';
import { ManualClock, newDelivery, type Staff } from '../../../src/domain';
import type { Store } from '../../../src/store/store';
import { onBothStores } from '../../support/both-stores';
import { staff, tenant } from '../../support/fixtures';
import { cpdRequest } from '../../support/cpd-request-fixtures';

/** The store, counting calls to cpdRequests.get and deliveries.find (the reads a press used to repeat). */
function counted(store: Store): { store: Store; requestGets: () => number; deliveryFinds: () => number } {
  let gets = 0;
  let finds = 0;
  const cpdRequests = { ...store.cpdRequests, get: (t: string, id: string) => (gets++, store.cpdRequests.get(t, id)) };
  const deliveries = { ...store.deliveries, find: (t: string, q: Parameters<Store['deliveries']['find']>[1]) => (finds++, store.deliveries.find(t, q)) };
  return { store: { ...store, cpdRequests, deliveries }, requestGets: () => gets, deliveryFinds: () => finds };
}

onBothStores('request-copies', (label, open, done) => {
  describe(`a request action's result carries the other copies of its card (${label})`, () => {
    afterAll(done);

    test('approving reads the request once (and once more under its ETag); the copies are built from it only when a platform asks', async () => {
      const clock = new ManualClock('2026-11-23T10:00:00.000Z');
      const store = await open(clock);
      const t = tenant('t1');
      await store.tenants.put(t);
      const people: Record<string, Staff> = {
        lead: staff('t1', 'lead', { name: 'Lena Lead', roles: ['staff', 'cpd-lead'] }),
        manager: staff('t1', 'manager', { name: 'Mo Manager', roles: ['staff', 'line-manager'] }),
        ada: staff('t1', 'ada', { name: 'Ada Teacher', lineManagerId: 'manager' }),
      };
      for (const p of Object.values(people)) await store.staff.put(p);
      const actor = (who: string) => ({ tenant: t, staff: people[who]! });

      const request = cpdRequest('t1', 'req-1', {
        requesterId: 'ada',
        steps: [{ role: 'line-manager', approverId: 'manager', reachedAt: '2026-11-23T09:00:00.000Z' }],
      });
      await store.cpdRequests.create(request);
      // The requester's and the approver's cards, as the dispatcher records them once sent in Slack.
      for (const [who, ts] of [['ada', '1.1'], ['manager', '2.2']] as const) {
        const kind = who === 'ada' ? 'request-update' : 'request-approval';
        const at = clock.now().toISOString();
        const sent = { ...newDelivery({ tenantId: 't1', kind, recipientId: who, subject: { requestId: request.id }, subjectKey: request.id, slot: 'sent', dueAt: at, createdAt: at }), status: 'sent' as const, platform: 'slack' as const, platformConversationId: `D-${who}`, platformMessageId: ts };
        await store.deliveries.create(sent);
      }

      const c = counted(store);
      const result = await handleCardAction({ store: c.store, clock }, actor('manager'), { verb: 'request.approve', requestId: request.id });
      expect(result.ok).toBe(true);
      expect(c.requestGets()).toBe(2);
      // Teams never asks for the copies: the press itself looked for none.
      const findsBefore = c.deliveryFinds();
      expect(typeof result.copies).toBe('function');

      const copies = await result.copies!('slack');
      expect(c.deliveryFinds()).toBe(findsBefore + 1);
      expect(c.requestGets()).toBe(2);
      expect(copies.map((copy) => [copy.conversationId, copy.messageId, copy.view.kind]).sort()).toEqual([
        ['D-ada', '1.1', 'cpd-request'],
        ['D-manager', '2.2', 'cpd-request'],
      ]);
      expect(copies.every((copy) => copy.view.kind === 'cpd-request' && copy.view.status === 'approved')).toBe(true);
      expect(await result.copies!('teams')).toEqual([]);
    });
  });
});
