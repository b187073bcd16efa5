import { parse } from 'csv-parse/sync';
import { runCli } from '../../../src/cli/run-cli';
import { ManualClock } from '../../../src/domain';
import type { Store } from '../../../src/store/store';
import { onBothStores } from '../../support/both-stores';
import { governorsTrust, GOV_TENANT } from '../../support/governors-trust';

type Row = { term: string; section: string; group: string; measure: string; value: string; school: string };

/**
 * Supply cover in pounds in the governors' money rows: "Cover cost" beside "Cover used (half
 * days)", at the trust's `supply-cover-half-day` rate, shown whole like the rest of the money
 * (decision 60), never taken from what is left; without a rate the row says cover is not costed.
 */
function suite(label: string, open: (clock: ManualClock) => Promise<Store>, done: () => Promise<void>) {
  describe(`governors' report: cover cost (${label})`, () => {
    afterAll(done);
    let store: Store;
    let clock: ManualClock;
    const cli = async (...argv: string[]) => {
      const lines: string[] = [];
      const code = await runCli(argv, { store, clock, defaultTenantId: GOV_TENANT, print: (t) => lines.push(t) });
      return { code, text: lines.join('\n') };
    };
    const money = async (...args: string[]) => {
      const { code, text } = await cli('export', 'governors', '--year', '2026-27', ...args);
      expect(code).toBe(0);
      const rows = (parse(text, { columns: true, bom: true }) as Row[]).filter((r) => r.section === 'Spending against budget');
      return Object.fromEntries(rows.map((r) => [r.measure, r.value]));
    };
    beforeAll(async () => {
      clock = new ManualClock('2027-07-20T10:00:00.000Z');
      store = await open(clock);
      await governorsTrust(store);
    });

    it('no rate: "Not costed"; at £110 a half-day, each school\'s and the trust\'s cover in pounds, left unchanged', async () => {
      // Every booked course in the fixture needs 2 half-days of cover: North five, South two, the trust eight.
      const before = await money('--school', 'North Primary');
      expect(before).toMatchObject({ 'Cover used (half days)': '10', 'Cover cost': 'Not costed (no supply cover rate set)', Left: '£4,900.00' });

      expect((await cli('settings', 'set', 'supply-cover-half-day', '110', '--tenant', GOV_TENANT)).code).toBe(0);
      expect(await money('--school', 'North Primary')).toMatchObject({ 'Cover used (half days)': '10', 'Cover cost': '£1,100.00', Left: '£4,900.00' });
      expect(await money('--school', 'south')).toMatchObject({ 'Cover used (half days)': '4', 'Cover cost': '£440.00', Left: '£2,400.00' });
      const trust = await money();
      expect(trust).toMatchObject({ 'Cover used (half days)': '16', 'Cover cost': '£1,760.00' });
      // The measure sits right after the half-days, as governors read them.
      const { text } = await cli('export', 'governors', '--year', '2026-27');
      const measures = (parse(text, { columns: true, bom: true }) as Row[]).filter((r) => r.section === 'Spending against budget').map((r) => r.measure);
      expect(measures.slice(measures.indexOf('Cover used (half days)'), measures.indexOf('Cover used (half days)') + 2)).toEqual(['Cover used (half days)', 'Cover cost']);
    });
  });
}

onBothStores('govcover', suite);
