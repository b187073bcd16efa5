import { parse } from 'csv-parse/sync';
import { runCommand } from '../../../src/app/commands';
import { buildCpdRequestView } from '../../../src/app/requests/request-view';
import { runCli } from '../../../src/cli/run-cli';
import { budgetId, CpdRequestDetails, ManualClock, TenantSettings, type CpdRequest, type Tenant } from '../../../src/domain';
import { exportRequestsCsv } from '../../../src/exports/requests-csv';
import type { Store } from '../../../src/store/store';
import { onBothStores } from '../../support/both-stores';
import { courseDetails, cpdRequest } from '../../support/cpd-request-fixtures';
import { staff, tenant as trustTenant } from '../../support/fixtures';

const T = 'cover';

/**
 * Supply cover in pounds (the `supply-cover-half-day` setting): beside the half-days on the
 * approver's card, in the budget, and in the requests CSV; shown, never taken from what is left.
 * Without a rate the budget says once that cover is not costed and where to set it.
 */
function suite(label: string, open: (clock: ManualClock) => Promise<Store>, done: () => Promise<void>) {
  describe(`supply cover costed at the trust's half-day rate (${label})`, () => {
    afterAll(done);
    let store: Store;
    const clock = new ManualClock('2026-11-24T10:00:00.000Z');
    const deps = () => ({ store, clock });
    const lead = staff(T, 'lead', { name: 'Lena Lead', roles: ['staff', 'cpd-lead'] });
    const lm = staff(T, 'lm', { name: 'Mo Manager', roles: ['staff', 'line-manager'] });
    const tenantNow = async (): Promise<Tenant> => (await store.tenants.get(T, T))!.value;

    beforeAll(async () => {
      store = await open(clock);
      const base = trustTenant(T);
      await store.tenants.put({ ...base, settings: TenantSettings.parse({ ...base.settings, cpdRequests: { headteacherBySchool: { 'sch-1': 'head' } } }) });
      for (const p of [lead, lm, staff(T, 'teacher', { name: 'Tia Teacher', schoolId: 'sch-1', lineManagerId: 'lm' }), staff(T, 'head', { name: 'Hana Head' })]) await store.staff.put(p);
      await store.cpdBudgets.put({ tenantId: T, id: budgetId('2026-27', 'sch-1'), scope: 'school', schoolId: 'sch-1', academicYear: '2026-27', amountPence: 100000, setAt: '2026-09-01T08:00:00.000Z' });
      const booked = { by: 'lead', at: '2026-10-01T09:00:00.000Z', actualCostPence: 30000, reference: 'B-1', sessionId: 'ext-b' };
      await store.cpdRequests.put(cpdRequest(T, 'req-booked', { status: 'booked', details: CpdRequestDetails.parse(courseDetails({ coverHalfDays: 4, startDate: '2026-12-01', endDate: '2026-12-02' })), booking: booked }));
      await store.cpdRequests.put(cpdRequest(T, 'req-approved', { status: 'approved', details: CpdRequestDetails.parse(courseDetails({ coverHalfDays: 10, courseTitle: 'Phonics leadership', purpose: 'pathway', purposeDetail: 'ECT induction', pathway: 'ect' })) }));
      // Waiting for Mo: its cover is on its card, not yet in the budget's cover used.
      await store.cpdRequests.put(cpdRequest(T, 'req-waiting', { details: CpdRequestDetails.parse(courseDetails({ coverHalfDays: 2, courseTitle: 'Still waiting' })) }));
    });

    const budget = async () => runCommand(deps(), { tenant: await tenantNow(), staff: lead }, 'budget 2026-27');
    const coverOnCard = async () => {
      const request = (await store.cpdRequests.get(T, 'req-waiting'))!.value as CpdRequest;
      const view = await buildCpdRequestView(deps(), await tenantNow(), request, lm);
      return view.kind === 'cpd-request' ? view.facts.find((f) => f.label === 'Cover')?.value : view.kind;
    };
    const csv = async () => (parse(await exportRequestsCsv(deps(), T, '2026-27'), { columns: true, bom: true }) as Record<string, string>[]).map((r) => [r.course, r.cover_half_days, r.cover_cost_gbp]);

    it('no rate: half-days only, the budget says once that cover is not costed and how to set it, the CSV column blank', async () => {
      const view = await budget();
      expect(view).toMatchObject({ kind: 'cpd-budget', rows: [{ name: 'Huntingdon Academy', coverHalfDays: 14, leftText: '£431.60' }], coverNote: expect.stringContaining('settings evaluation') });
      expect(view.kind === 'cpd-budget' && view.rows[0]!.coverCostText).toBeUndefined();
      // Spending by pathway names the group as staff read it, not the stored code.
      expect(view.kind === 'cpd-budget' && view.byPathway).toEqual([
        { label: 'No pathway named', value: '£300.00' },
        { label: 'Early career teachers', value: '£268.40' },
      ]);
      expect(await coverOnCard()).toBe('2 half-days');
      // £1,000 less the booked £300 and the approved £268.40: the same with a rate set below.
      expect((await csv()).sort()).toEqual([
        ['Leading early reading', '4', ''],
        ['Phonics leadership', '10', ''],
        ['Still waiting', '2', ''],
      ]);
    });

    it('at £110 a half-day (set as a CPD lead would): pounds beside the half-days; what is left is unchanged', async () => {
      const lines: string[] = [];
      expect(await runCli(['settings', 'set', 'supply-cover-half-day', '£110', '--tenant', T], { store, clock, defaultTenantId: T, print: (l) => lines.push(l) })).toBe(0);
      expect((await tenantNow()).settings.supplyCoverHalfDayPence).toBe(11000);
      const view = await budget();
      expect(view).toMatchObject({ kind: 'cpd-budget', rows: [{ coverHalfDays: 14, coverCostText: '£1,540 at £110 a half-day', leftText: '£431.60' }] });
      expect(view).not.toHaveProperty('coverNote');
      expect(await coverOnCard()).toBe('2 half-days (£220 at £110 a half-day)');
      expect((await csv()).sort()).toEqual([
        ['Leading early reading', '4', '440.00'],
        ['Phonics leadership', '10', '1100.00'],
        ['Still waiting', '2', '220.00'],
      ]);
    });
  });
}

onBothStores('covercost', suite);
