import { runCommand } from '../../../src/app/commands';
import type { AppDeps } from '../../../src/app/deps';
import type { Session } from '../../../src/domain';
import type { Collection } from '../../../src/store/port';
import { smallSchool } from '../../support/app-world';
import { session } from '../../support/fixtures';

describe('impact <title> finds the latest past session by its title (embedded store)', () => {
  test('it pages through past sessions latest first and stops at the first match, not reading every session held', async () => {
    const w = await smallSchool('2027-07-01T10:00:00.000Z');
    // 120 past sessions, one a week; "Oracy" twice, the later one 3 weeks ago.
    for (let i = 0; i < 120; i++) {
      const startsAt = new Date(Date.parse('2027-06-24T15:00:00.000Z') - i * 7 * 86_400_000).toISOString();
      const title = i === 3 || i === 90 ? `Oracy ${i}` : `Twilight ${i}`;
      await w.store.sessions.put(session('t1', `old-${i}`, { title, startsAt, endsAt: new Date(Date.parse(startsAt) + 3_600_000).toISOString() }));
    }
    let read = 0;
    const inner = w.store.sessions;
    const sessions: Collection<Session> = {
      ...inner,
      find: async (t, q) => {
        const rows = await inner.find(t, q);
        read += rows.length;
        return rows;
      },
      iterate: (t, q, o) =>
        (async function* () {
          for await (const row of inner.iterate(t, q, o)) {
            read += 1;
            yield row;
          }
        })(),
    };
    const deps: AppDeps = { ...w.deps, store: { ...w.store, sessions } };
    const view = await runCommand(deps, w.actor('lead'), 'impact oracy');
    expect(JSON.stringify(view)).toContain('Oracy 3');
    // Sessions 0..3 in date order, latest first (and no more); before, all 121 past sessions were read.
    expect(read).toBe(4);
    await w.store.close();
  });
});
