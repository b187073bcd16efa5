import { mapBounded } from '../../src/store/bounded';

describe('mapBounded', () => {
  test('results in input order, never more than the limit at once', async () => {
    let running = 0;
    let most = 0;
    const results = await mapBounded([30, 5, 20, 1, 10, 2, 15], 3, async (ms, i) => {
      most = Math.max(most, ++running);
      await new Promise((r) => setTimeout(r, ms));
      running--;
      return `${i}:${ms}`;
    });
    expect(results).toEqual(['0:30', '1:5', '2:20', '3:1', '4:10', '5:2', '6:15']);
    expect(most).toBe(3);
    expect(await mapBounded([], 16, async () => 1)).toEqual([]);
  });

  test('after a failure no further item starts; those running finish; the first error is thrown', async () => {
    const started: number[] = [];
    const finished: number[] = [];
    const run = mapBounded([0, 1, 2, 3, 4, 5], 2, async (n) => {
      started.push(n);
      if (n === 1) throw new Error('boom');
      await new Promise((r) => setTimeout(r, 10));
      finished.push(n);
      return n;
    });
    await expect(run).rejects.toThrow('boom');
    expect(started).toEqual([0, 1]);
    expect(finished).toEqual([0]);
  });
});
