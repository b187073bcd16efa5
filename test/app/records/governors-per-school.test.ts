import { parse } from 'csv-parse/sync';
import { runCli } from '../../../src/cli/run-cli';
import { CpdRequestDetails, ManualClock, SchoolCalendar } from '../../../src/domain';
import { moneyRows } from '../../../src/app/records/governors-money';
import { courseDetails, cpdRequest } from '../../support/cpd-request-fixtures';
import { withholdAcrossSchools } from '../../../src/app/records/governors-across-schools';
import { schoolYearDates } from '../../../src/app/records/governors-period';
import type { Store } from '../../../src/store/store';
import { onBothStores } from '../../support/both-stores';
import { governorsTrust, GOV_TENANT } from '../../support/governors-trust';

type Row = { term: string; section: string; group: string; measure: string; value: string; school: string };
const MIN = 5;
const WITHHELD = `withheld (fewer than ${MIN})`;
/** Figures that count people (the rest are sessions, money, shares and means). */
const PEOPLE = /^(Attendances|Staff|Took part in CPD|Asked|Answered|Staff recorded|Courses booked|Started|Gained)/;

async function exportGovernors(store: Store, clock: ManualClock, ...args: string[]): Promise<{ code: number; rows: Row[]; text: string }> {
  const lines: string[] = [];
  const code = await runCli(['export', 'governors', ...args], { store, clock, defaultTenantId: GOV_TENANT, print: (t) => lines.push(t) });
  const text = lines.join('\n');
  return { code, text, rows: code === 0 ? (parse(text, { columns: true, bom: true }) as Row[]) : [] };
}

const find = (rows: Row[], section: string, group: string, measure: string) => rows.find((r) => r.section === section && r.group === group && r.measure === measure)?.value;

function suite(label: string, open: (clock: ManualClock) => Promise<Store>, done: () => Promise<void>) {
  describe(`governors' report per school and year (${label})`, () => {
    afterAll(done);
    let store: Store;
    let clock: ManualClock;
    let names: string[];
    beforeAll(async () => {
      clock = new ManualClock('2027-07-20T10:00:00.000Z');
      store = await open(clock);
      ({ names } = await governorsTrust(store));
    });

    it('export governors --school "North Primary" --year 2026-27: money, courses, qualifications, statutory, levels; no names', async () => {
      const { code, rows, text } = await exportGovernors(store, clock, '--school', 'North Primary', '--year', '2026-27');
      expect(code).toBe(0);
      for (const name of names) expect(text).not.toContain(name);
      expect(rows.every((r) => r.school === 'North Primary' && r.term === '2026-27')).toBe(true);
      const v = (section: string, group: string, measure: string) => find(rows, section, group, measure);
      expect(v('Spending against budget', 'Budget 2026-27', 'Budget')).toBe('£6,000.00');
      expect(v('Spending against budget', 'Budget 2026-27', 'Spent (booked courses)')).toBe('£1,100.00');
      expect(v('Spending against budget', 'Budget 2026-27', 'Left')).toBe('£4,900.00');
      expect(v('Courses funded', 'External courses', 'Cost of courses booked this year')).toBe('£1,100.00');
      // Its staff's attendance wherever the session was: the trust-wide twilight and its own.
      expect(v('Programme by kind', 'Twilight', 'Attendances')).toBe('16');
      expect(v('Participation and hours by staff group', 'Developing teachers', 'Took part in CPD')).toBe('6');
      expect(v('Participation and hours by staff group', 'Early career teachers', 'Staff')).toBe(WITHHELD);
      // Evaluation: its own session (eight there, six answered: the two who did not are a small group).
      expect(v('Evaluation by level', 'Level 1: Reaction', 'Asked')).toBe('8');
      expect(v('Evaluation by level', 'Level 1: Reaction', 'Answered')).toBe(WITHHELD);
      expect(v('Statutory training', 'Prevent', 'Staff recorded')).toBe('8');
      expect(v('Statutory training', 'Prevent', 'Up to date')).toBe('100%');
      // Five courses and five NPQs started are enough on their own; but the trust's eight courses less
      // North's five would give the other three, and the trust's six qualifications less five the one: withheld.
      expect(v('Courses funded', 'External courses', 'Courses booked this year')).toBe(WITHHELD);
      expect(v('Qualifications started and gained', 'All qualifications', 'Started')).toBe(WITHHELD);
      expect(v('Qualifications started and gained', 'NPQ Senior Leadership', 'Started')).toBe(WITHHELD);
    });

    it('withholds small groups at school level: South\'s two courses, its three answers, its one lapsed safeguarding', async () => {
      const { rows } = await exportGovernors(store, clock, '--school', 'south', '--year', '2026-27');
      expect(find(rows, 'Courses funded', 'External courses', 'Courses booked this year')).toBe(WITHHELD);
      expect(find(rows, 'Courses funded', 'External courses', 'Average cost per course')).toBeUndefined();
      expect(find(rows, 'Evaluation by level', 'Level 1: Reaction', 'Answered')).toBe(WITHHELD);
      expect(find(rows, 'Statutory training', 'Safeguarding', 'Up to date')).toBe(WITHHELD);
      expect(find(rows, 'Participation and hours by staff group', 'Developing teachers', 'Staff')).toBe('6');
      expect(rows.some((r) => r.section === 'Spending against budget' && r.value === '£3,000.00')).toBe(true);
    });

    it("no export less others reveals a small group: the trust's figure less every school's shown is 0 or at least the minimum", async () => {
      const trust = (await exportGovernors(store, clock, '--year', '2026-27')).rows;
      const schools = [(await exportGovernors(store, clock, '--school', 'north', '--year', '2026-27')).rows, (await exportGovernors(store, clock, '--school', 'south', '--year', '2026-27')).rows];
      const numeric = (v: string | undefined) => (v !== undefined && /^\d+$/.test(v) ? Number(v) : v === undefined ? 0 : undefined);
      const leaks: string[] = [];
      let compared = 0;
      const check = (what: string, t: number | undefined, parts: (number | undefined)[]) => {
        if (t === undefined) return;
        const shown = parts.filter((p): p is number => p !== undefined);
        if (shown.length === 0) return;
        compared++;
        const rest = t - shown.reduce((a, b) => a + b, 0);
        if (rest > 0 && rest < MIN) leaks.push(`${what}: ${t} less ${shown.join(' and ')} leaves ${rest}`);
      };
      for (const r of trust.filter((x) => PEOPLE.test(x.measure))) {
        check(`${r.section} / ${r.group} / ${r.measure}`, numeric(r.value), schools.map((s) => numeric(find(s, r.section, r.group, r.measure))));
      }
      // The complements too: those who did not take part, did not answer.
      for (const [whole, part, section] of [['Staff', 'Took part in CPD', 'Participation and hours by staff group'], ['Asked', 'Answered', 'Evaluation by level']] as const) {
        for (const r of trust.filter((x) => x.section === section && x.measure === whole)) {
          const not = (rows: Row[]) => {
            const w = numeric(find(rows, section, r.group, whole));
            const p = numeric(find(rows, section, r.group, part));
            return w === undefined || p === undefined ? undefined : w - p;
          };
          check(`${section} / ${r.group} / not ${part}`, not(trust), schools.map(not));
        }
      }
      expect(compared).toBeGreaterThanOrEqual(10);
      expect(leaks).toEqual([]);
    });

    it('a clear sentence for a school that is unknown, a year with no data, a period wrongly written, and --term with --year', async () => {
      const unknown = await exportGovernors(store, clock, '--school', 'Westfield', '--year', '2026-27');
      expect(unknown.code).toBe(1);
      expect(unknown.text).toBe('There is no school called "Westfield". The schools are: North Primary, South Academy.');
      const empty = await exportGovernors(store, clock, '--school', 'North Primary', '--year', '2031-32');
      expect(empty.code).toBe(1);
      expect(empty.text).toMatch(/^Nothing is recorded for North Primary in 2031-32 \(2031-09-01 to 2032-08-31\): no sessions held/);
      expect((await exportGovernors(store, clock, '--year', '2026-28')).text).toMatch(/"2026-28" is not a term or a school year/);
      expect((await exportGovernors(store, clock, '--term', 'autumn-2026', '--year', '2026-27')).text).toMatch(/give --term or --year, not both/);
    });

    it("a term from the school's calendar: autumn 2026 has North's own session and the trust twilight, not South's of February", async () => {
      await store.calendars.put(SchoolCalendar.parse({ tenantId: GOV_TENANT, terms: [{ start: '2026-09-03', end: '2026-12-18' }, { start: '2027-01-05', end: '2027-03-26' }] }));
      const { rows } = await exportGovernors(store, clock, '--school', 'North Primary', '--term', 'autumn-2026');
      expect(rows.every((r) => r.term === 'autumn-2026')).toBe(true);
      expect(find(rows, 'Programme by kind', 'Twilight', 'Sessions held')).toBe('2');
      expect(find(rows, 'Courses funded', 'External courses', 'Cost of courses booked this term')).toBe('£1,100.00');
      const south = await exportGovernors(store, clock, '--school', 'South Academy', '--term', 'autumn-2026');
      expect(find(south.rows, 'Programme by kind', 'Twilight', 'Sessions held')).toBe('1');
      await store.calendars.delete(GOV_TENANT, 'calendar');
    });
  });
}

onBothStores('gov-school', suite);

describe('a school year from the calendar', () => {
  it("runs from the published autumn term's first day to the next one's, else 1 September to 1 September", () => {
    const calendar = { terms: [{ start: '2026-09-03', end: '2026-12-18' }, { start: '2027-09-02', end: '2027-12-17' }] };
    expect(schoolYearDates('2026-27', calendar, 'Europe/London')).toEqual({ name: '2026-27', from: '2026-09-02T23:00:00.000Z', to: '2027-09-01T23:00:00.000Z', academicYear: '2026-27', isYear: true });
    expect(schoolYearDates('2028-29', calendar, 'Europe/London')).toMatchObject({ from: '2028-08-31T23:00:00.000Z', to: '2029-08-31T23:00:00.000Z' });
  });
});

describe('the check across schools fails closed', () => {
  it('a figure with no counts (a section added without them) withheld in another school is withheld in this one', () => {
    const view = (value: string) => ({ kind: 'governors-report' as const, term: '2026-27', periodText: '', minGroup: MIN, sections: [{ title: 'Mentoring', rows: [{ group: 'Mentees', measure: 'Meetings held', value }, { group: 'Budget', measure: 'Budget', value: '£10.00' }] }] });
    const mine = withholdAcrossSchools({ id: 'north', view: view('12') }, [{ id: 'south', view: view(WITHHELD) }], MIN, WITHHELD);
    expect(mine.sections[0]!.rows.map((r) => r.value)).toEqual([WITHHELD, '£10.00']);
    const alone = withholdAcrossSchools({ id: 'north', view: view('12') }, [{ id: 'south', view: view('7') }], MIN, WITHHELD);
    expect(alone.sections[0]!.rows[0]!.value).toBe('12');
  });
});

describe('spending against budget', () => {
  it("a year counts every course of its budget year, even one before the calendar's first day of term; a term only those starting in it", () => {
    const request = (id: string, startDate: string, pence: number) =>
      cpdRequest('t1', id, { status: 'booked', details: CpdRequestDetails.parse(courseDetails({ startDate, endDate: startDate })), booking: { by: 'lead', at: '2026-08-01T09:00:00.000Z', actualCostPence: pence, reference: id, sessionId: `ext-${id}` } });
    const requests = [request('a', '2026-09-01', 10000), ...['b', 'c', 'd', 'e'].map((id, i) => request(id, `2026-10-0${i + 1}`, 20000))];
    const budgets = [{ tenantId: 't1', id: 'bud', scope: 'school' as const, schoolId: 'sch-1', academicYear: '2026-27', amountPence: 200000, setAt: '2026-09-01T00:00:00.000Z' }];
    const people = (n: number) => (n < MIN ? WITHHELD : String(n));
    const year = moneyRows({ academicYear: '2026-27', budgets, requests, fromDay: '2026-09-03', toDay: '2027-09-02', isYear: true }, people);
    expect(year.spending.map((r) => `${r.measure}: ${r.value}`)).toEqual(['Budget: £2,000.00', 'Committed (approved, not yet booked): £0.00', 'Spent (booked courses): £900.00', 'Left: £1,100.00', 'Cover used (half days): 10', 'Cover cost: Not costed (no supply cover rate set)']);
    // With the trust's cover rate, the half-days in pounds beside them; left is the same (cover is not taken from the budget).
    const costed = moneyRows({ academicYear: '2026-27', budgets, requests, fromDay: '2026-09-03', toDay: '2027-09-02', isYear: true, coverRatePence: 11000 }, people);
    expect(costed.spending.map((r) => `${r.measure}: ${r.value}`).slice(3)).toEqual(['Left: £1,100.00', 'Cover used (half days): 10', 'Cover cost: £1,100.00']);
    expect(year.courses.map((r) => r.value)).toEqual(['5', '£900.00', '£180.00']);
    const term = moneyRows({ academicYear: '2026-27', budgets, requests, fromDay: '2026-09-03', toDay: '2026-12-19', isYear: false }, people);
    expect(term.courses.map((r) => r.value)).toEqual([WITHHELD, '£800.00']);
  });
});
