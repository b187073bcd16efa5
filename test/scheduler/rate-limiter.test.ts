import { ManualClock } from '../../src/domain';
import { RateLimiter } from '../../src/scheduler/send/rate-limiter';
import type { PlatformLimits } from '../../src/scheduler/send/rate-limits';
import { SendWindow } from '../../src/scheduler/send/send-window';

const limits: PlatformLimits = { app: [{ count: 1_000_000, perMs: 1000 }], conversation: [{ count: 1800, perMs: 3_600_000 }] };

describe('RateLimiter: forgetting idle conversations', () => {
  it('a broadcast to 20,000 conversations checks for idle ones a bounded number of times, not on every send', async () => {
    const clock = new ManualClock('2026-11-25T10:00:00.000Z');
    const limiter = new RateLimiter(clock, async (ms) => clock.advance(ms), { teams: limits, slack: limits }, 1);
    const checks = jest.spyOn(SendWindow.prototype, 'isIdle');
    for (let i = 0; i < 20_000; i++) await limiter.acquire('teams', 't1', `conv-${i}`);
    // Busy for the hour: nothing is forgotten; scanned at 5,000, 10,000 and 20,000 tracked, not 15,000 times.
    expect(limiter.size).toBe(20_001);
    expect(checks.mock.calls.length).toBeLessThan(3 * 20_001);
    // An hour and more later every conversation is idle: the next scan forgets them.
    clock.advance(2 * 3_600_000);
    checks.mockClear();
    for (let i = 0; i < 20_000; i++) await limiter.acquire('teams', 't1', `later-${i}`);
    expect(limiter.size).toBeLessThan(40_001);
    checks.mockRestore();
  });
});
