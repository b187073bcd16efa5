import { stringify } from 'csv-stringify/sync';
import { academicYearOf, costPence, PURPOSE_LABELS, STATUS_LABELS } from '../domain';
import type { ReportDeps } from '../reports/report-deps';

const COLUMNS = [
  'request_id', 'academic_year', 'requester', 'email', 'school', 'course', 'provider', 'start_date', 'end_date', 'mode', 'status',
  'fee_gbp', 'travel_gbp', 'actual_cost_gbp', 'cost_counted_gbp', 'cover_half_days', 'serves', 'serves_detail', 'pathway', 'booking_reference', 'submitted_at',
];

/** Pounds with two decimals from integer pence, for spreadsheets (no £ sign, no thousands separator). */
const gbp = (pence: number | undefined) => (pence === undefined ? '' : (pence / 100).toFixed(2));

/** Every CPD request with its costs, for the finance office; optionally one academic year. */
export async function exportRequestsCsv(deps: ReportDeps, tenantId: string, academicYear?: string): Promise<string> {
  const { store } = deps;
  const tenant = (await store.tenants.get(tenantId, tenantId))?.value;
  const requests = (await store.cpdRequests.find(tenantId))
    .map((r) => r.value)
    .filter((r) => !academicYear || academicYearOf(r.details.startDate) === academicYear)
    .sort((a, b) => a.details.startDate.localeCompare(b.details.startDate) || a.id.localeCompare(b.id));
  const people = new Map((await store.staff.find(tenantId)).map((s) => [s.value.id, s.value]));
  const schools = new Map((tenant?.schools ?? []).map((s) => [s.id, s.name]));
  const rows = requests.map((r) => {
    const d = r.details;
    const person = people.get(r.requesterId);
    return [
      r.id, academicYearOf(d.startDate), person?.name ?? r.requesterId, person?.email ?? '', r.schoolId ? (schools.get(r.schoolId) ?? r.schoolId) : '', d.courseTitle, d.provider,
      d.startDate, d.endDate, d.mode, STATUS_LABELS[r.status], gbp(d.feePence), gbp(d.travelPence), gbp(r.booking?.actualCostPence),
      ['approved', 'booked', 'attended', 'evaluated'].includes(r.status) ? gbp(costPence(r)) : '0.00', String(d.coverHalfDays), PURPOSE_LABELS[d.purpose], d.purposeDetail,
      d.pathway ?? '', r.booking?.reference ?? '', r.submittedAt ?? '',
    ];
  });
  return stringify(rows, { header: true, columns: COLUMNS });
}
