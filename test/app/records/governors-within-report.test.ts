import { parse } from 'csv-parse/sync';
import type { GovernorsReportView } from '../../../src/cards/views/governors-report';
import { withholdTogether } from '../../../src/app/records/governors-across-schools';
import { withholdWithinReport } from '../../../src/app/records/governors-within-report';
import { runCli } from '../../../src/cli/run-cli';
import { ManualClock, participationId } from '../../../src/domain';
import type { Store } from '../../../src/store/store';
import { onBothStores } from '../../support/both-stores';
import { session } from '../../support/fixtures';
import { governorsTrust, GOV_TENANT, NORTH } from '../../support/governors-trust';

type Row = { section: string; group: string; measure: string; value: string };
const MIN = 5;
const WITHHELD = `withheld (fewer than ${MIN})`;
/** The sections that split every attendance one way each: their figures add up to the same total. */
const SPLITS = ['Programme by category', 'Programme by kind', 'Programme by pathway (audience)'];

async function exportGovernors(store: Store, clock: ManualClock, ...args: string[]): Promise<Row[]> {
  const lines: string[] = [];
  expect(await runCli(['export', 'governors', '--year', '2026-27', ...args], { store, clock, defaultTenantId: GOV_TENANT, print: (t) => lines.push(t) })).toBe(0);
  return parse(lines.join('\n'), { columns: true, bom: true }) as Row[];
}

/**
 * What a reader with one export can work out: the attendances' total from any split shown whole,
 * then, in every other split, the total less the figures shown. Anything left between 1 and the
 * minimum is a small group the report gave away.
 */
function leaksWithin(rows: readonly Row[]): string[] {
  const split = (title: string) => rows.filter((r) => r.section === title && r.measure === 'Attendances');
  const whole = SPLITS.map(split).find((s) => s.length > 0 && s.every((r) => /^\d+$/.test(r.value)));
  if (!whole) return [];
  const total = whole.reduce((n, r) => n + Number(r.value), 0);
  return SPLITS.flatMap((title) => {
    const shown = split(title).filter((r) => /^\d+$/.test(r.value));
    const rest = total - shown.reduce((n, r) => n + Number(r.value), 0);
    return rest > 0 && rest < MIN ? [`${title}: ${total} less ${shown.map((r) => `${r.group} ${r.value}`).join(', ')} leaves ${rest}`] : [];
  });
}

describe('withheld inside one report', () => {
  const view = (categories: [string, number][]): GovernorsReportView => ({
    kind: 'governors-report' as const,
    term: '2026-27',
    periodText: '',
    minGroup: MIN,
    sections: [
      { title: 'Programme by category', rows: categories.flatMap(([group, n]) => [{ group, measure: 'Sessions held', value: '1' }, { group, measure: 'Attendances', value: n < MIN ? WITHHELD : String(n), counts: [n] }]) },
      { title: 'Programme by kind', rows: [{ group: 'Twilight', measure: 'Attendances', value: String(categories.reduce((n, [, c]) => n + c, 0)), counts: [categories.reduce((n, [, c]) => n + c, 0)] }] },
    ],
  });
  const values = (v: GovernorsReportView) => v.sections[0]!.rows.filter((r) => r.measure === 'Attendances').map((r) => `${r.group} ${r.value}`);

  it('a small category beside a total shown elsewhere takes the smallest other category with it; sessions held are not people', () => {
    const out = withholdWithinReport(view([['Leadership', 2], ['Pastoral', 8], ['Teaching & learning', 20]]), MIN, WITHHELD);
    expect(values(out)).toEqual([`Leadership ${WITHHELD}`, `Pastoral ${WITHHELD}`, 'Teaching & learning 20']);
    expect(out.sections[0]!.rows.filter((r) => r.measure === 'Sessions held').every((r) => r.value === '1')).toBe(true);
    expect(out.sections[1]!.rows[0]!.value).toBe('30');
  });

  it('withheld figures already holding the minimum together, or none withheld, change nothing', () => {
    expect(values(withholdWithinReport(view([['Leadership', 2], ['Pastoral', 3], ['Teaching & learning', 20]]), MIN, WITHHELD))).toEqual([`Leadership ${WITHHELD}`, `Pastoral ${WITHHELD}`, 'Teaching & learning 20']);
    expect(values(withholdWithinReport(view([['Pastoral', 8], ['Teaching & learning', 20]]), MIN, WITHHELD))).toEqual(['Pastoral 8', 'Teaching & learning 20']);
  });
});

describe("the trust's report beside its schools'", () => {
  const view = (categories: Record<string, number>): GovernorsReportView => {
    const all = Object.values(categories).reduce((a, b) => a + b, 0);
    return {
      kind: 'governors-report' as const,
      term: '2026-27',
      periodText: '',
      minGroup: MIN,
      sections: [
        { title: 'Programme by category', rows: Object.entries(categories).map(([group, n]) => ({ group, measure: 'Attendances', value: n > 0 && n < MIN ? WITHHELD : String(n), counts: [n] })) },
        { title: 'Programme by kind', rows: [{ group: 'Twilight', measure: 'Attendances', value: String(all), counts: [all] }] },
      ],
    };
  };
  const category = (v: GovernorsReportView, group: string) => v.sections[0]!.rows.find((r) => r.group === group)!.value;

  it("a figure the trust withholds only to cover a small one is withheld in a school too, so the schools' figures do not add up to it", () => {
    // South's three at leadership are the trust's three: the trust withholds its smallest other
    // category (Teaching, 11) to cover them, which North's 5 and South's 6 shown would add up to.
    const trust = view({ Leadership: 3, Pastoral: 12, Teaching: 11 });
    const north = view({ Leadership: 0, Pastoral: 6, Teaching: 5 });
    const south = view({ Leadership: 3, Pastoral: 6, Teaching: 6 });
    const out = withholdTogether({ id: 'trust', view: trust }, [{ id: 'north', view: north }, { id: 'south', view: south }], MIN, WITHHELD);
    expect(category(out.trust, 'Leadership')).toBe(WITHHELD);
    expect(category(out.trust, 'Teaching')).toBe(WITHHELD);
    const teaching = ['north', 'south'].map((id) => category(out.parts.get(id)!, 'Teaching'));
    expect(teaching).toContain(WITHHELD);
    // And each school's own sections still hold together.
    for (const id of ['north', 'south']) {
      const rows = out.parts.get(id)!.sections[0]!.rows;
      const held = rows.filter((r) => r.value === WITHHELD).reduce((n, r) => n + r.counts![0]!, 0);
      expect(held === 0 || held >= MIN).toBe(true);
    }
  });
});

onBothStores('gov-within', (label, open, done) => {
  describe(`no governors' export gives away a small group by adding up its own sections (${label})`, () => {
    afterAll(done);

    it("North's two at a leadership session: neither the trust's, North's nor South's export lets the total less the rest show them", async () => {
      const clock = new ManualClock('2027-07-20T10:00:00.000Z');
      const store = await open(clock);
      const { people } = await governorsTrust(store);
      // Two of North's staff at a leadership session of their own: a category of two.
      await store.sessions.put(session(GOV_TENANT, 'north-lead', { title: 'Leading a team', startsAt: '2027-03-03T16:00:00.000Z', endsAt: '2027-03-03T17:00:00.000Z', audience: { kind: 'school', schoolId: NORTH.id }, schoolId: NORTH.id, category: 'LD' }));
      for (const p of people.filter((s) => s.schoolId === NORTH.id).slice(0, 2)) {
        await store.participations.put({ tenantId: GOV_TENANT, id: participationId('north-lead', p.id), sessionId: 'north-lead', staffId: p.id, rsvp: 'yes', attended: true });
      }
      const exports = { trust: await exportGovernors(store, clock), north: await exportGovernors(store, clock, '--school', 'north'), south: await exportGovernors(store, clock, '--school', 'south') };
      // The case is there to be found: North's leadership category is withheld and its kinds are shown whole.
      expect(exports.north.find((r) => r.section === 'Programme by category' && r.measure === 'Attendances' && r.value === WITHHELD)).toBeDefined();
      expect(exports.north.filter((r) => r.section === 'Programme by kind' && r.measure === 'Attendances').every((r) => /^\d+$/.test(r.value))).toBe(true);
      expect(Object.entries(exports).flatMap(([who, rows]) => leaksWithin(rows).map((leak) => `${who}: ${leak}`))).toEqual([]);
    });
  });
});
