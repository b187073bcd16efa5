import type { SendResult } from '../../src/app/outbound';
import { delivery } from '../support/fixtures';
import { T, world } from './dispatcher-world';

describe('Dispatcher onOutcome (what telemetry counts by platform)', () => {
  it('reports sent, throttled, failed and expired as they happen, with the platform, never the person', async () => {
    const failed: SendResult = { status: 'failed', transient: false, reason: 'HTTP 403' };
    const w = world([{ status: 'throttled', retryAfterMs: 1000 }, { status: 'sent', messageId: 'm', conversationId: 'c' }, failed], 3);
    const seen: unknown[][] = [];
    await w.store.deliveries.create(delivery(T, 's0'));
    await w.store.deliveries.create(delivery(T, 's1', { dueAt: '2026-11-23T09:00:01.000Z' }));
    await w.store.deliveries.create(delivery(T, 's2', { expiresAt: '2026-11-23T08:30:00.000Z' }));
    const summary = await w.make('a', { onOutcome: (...args) => seen.push(args) }).dispatchUntilIdle();
    expect(summary).toMatchObject({ sent: 1, throttled: 1, failed: 1, expired: 1 });
    expect(seen).toEqual(expect.arrayContaining([['expired', undefined], ['throttled', 'teams'], ['sent', 'teams'], ['failed', 'teams']]));
    expect(seen).toHaveLength(4);
  });
});
