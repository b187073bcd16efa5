import { runCli } from '../../src/cli/run-cli';
import { ManualClock } from '../../src/domain';
import { welcomeKeyId } from '../../src/app/setup';
import { onBothStores } from '../support/both-stores';

onBothStores('cli-lead', (label, open, done) => {
  describe(`lead add: IT names the first CPD lead from the container or Cloud Shell (${label})`, () => {
    afterAll(done);

    it('creates the school and the lead on an empty store, waits a welcome for them, and changes nothing when run again', async () => {
      const clock = new ManualClock('2026-11-20T09:00:00.000Z');
      const store = await open(clock);
      const lines: string[] = [];
      const run = (...argv: string[]) => runCli(argv, { store, clock, defaultTenantId: 'hillside', print: (t) => lines.push(t) });

      expect(await run('lead', 'add', 'dawn.cooper@hillside.example', '--name', 'Dawn Cooper')).toBe(0);
      expect(lines).toEqual([
        'Created tenant "hillside".',
        'Dawn Cooper <dawn.cooper@hillside.example> is now a CPD lead of "hillside". When they first open Twilight in Teams or Slack they are welcomed with "setup": what the school still needs, starting with the staff list they can send as a file.',
      ]);
      const [dawn] = await store.staff.find('hillside');
      expect(dawn!.value.roles).toEqual(['staff', 'cpd-lead']);
      expect((await store.idempotencyKeys.get('hillside', welcomeKeyId(dawn!.value.id)))?.value.state).toBe('pending');

      lines.length = 0;
      expect(await run('lead', 'add', 'DAWN.COOPER@hillside.example')).toBe(0);
      expect(lines).toEqual(['Dawn Cooper <dawn.cooper@hillside.example> is already a CPD lead of "hillside".']);
      expect(await store.staff.count('hillside')).toBe(1);

      lines.length = 0;
      expect(await run('lead', 'add')).toBe(2);
      expect(lines[0]).toMatch(/^twilight: use: lead add EMAIL/);
      await store.close();
    });
  });
});
