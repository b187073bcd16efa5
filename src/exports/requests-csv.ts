import type { Writable } from 'node:stream';
import { academicYearDays, academicYearOf, costPence, coverCostPence, PURPOSE_LABELS, STATUS_LABELS } from '../domain';
import { findWhereIn } from '../store/find-in';
import type { ReportDeps } from '../app/reports';
import { DEFAULT_PAGE_SIZE } from '../store/port';
import { chunksOf, textSink, writeCsv, type CsvCell } from './csv-stream';

const COLUMNS = [
  'request_id', 'academic_year', 'requester', 'email', 'school', 'course', 'provider', 'start_date', 'end_date', 'mode', 'status',
  'fee_gbp', 'travel_gbp', 'actual_cost_gbp', 'cost_counted_gbp', 'cover_half_days', 'cover_cost_gbp', 'serves', 'serves_detail', 'pathway', 'booking_reference', 'submitted_at',
];

/** Pounds with two decimals from integer pence, for spreadsheets (no £ sign, no thousands separator). */
const gbp = (pence: number | undefined) => (pence === undefined ? '' : (pence / 100).toFixed(2));

export interface RequestsCsvOptions {
  /** Requests starting in this academic year (e.g. "2026-27") only. */
  academicYear?: string;
  /** Requests per page: each page's requests and requesters are read, written and let go before the next. Default 500. */
  pageSize?: number;
}

/**
 * Every CPD request with its costs (cover in pounds too when the trust sets a half-day rate), for the finance office, as CSV into `sink`; optionally one
 * academic year. Requests are taken a page at a time in start-date order (only every request's id
 * and start date are held, to sort by), each page with its requesters read by key: years of
 * requests and the whole staff list never sit in memory.
 */
export async function writeRequestsCsv(deps: ReportDeps, tenantId: string, sink: Writable, options: RequestsCsvOptions = {}): Promise<void> {
  const { store } = deps;
  const { academicYear } = options;
  const pageSize = options.pageSize ?? DEFAULT_PAGE_SIZE;
  const tenant = (await store.tenants.get(tenantId, tenantId))?.value;
  const schools = new Map((tenant?.schools ?? []).map((s) => [s.id, s.name]));
  // Cover at the trust's half-day rate; blank when no rate is set (not costed, never 0.00).
  const coverRate = tenant?.settings.supplyCoverHalfDayPence;
  const keys: { id: string; startDate: string }[] = [];
  const days = academicYear ? academicYearDays(academicYear) : undefined;
  const query = days ? { where: { 'details.startDate': { gte: days.from, lt: days.to } } } : undefined;
  for await (const { value: r } of store.cpdRequests.iterate(tenantId, query, { pageSize })) {
    if (!academicYear || academicYearOf(r.details.startDate) === academicYear) keys.push({ id: r.id, startDate: r.details.startDate });
  }
  const order = keys.sort((a, b) => a.startDate.localeCompare(b.startDate) || a.id.localeCompare(b.id)).map((k) => k.id);
  async function* rows(): AsyncIterable<CsvCell[]> {
    for (const ids of chunksOf(order, pageSize)) {
      const byId = new Map((await findWhereIn(store.cpdRequests, tenantId, 'id', ids)).map((r) => [r.id, r]));
      const requests = ids.flatMap((id) => byId.get(id) ?? []);
      const people = new Map((await findWhereIn(store.staff, tenantId, 'id', requests.map((r) => r.requesterId))).map((s) => [s.id, s]));
      for (const r of requests) {
        const d = r.details;
        const person = people.get(r.requesterId);
        yield [
          r.id, academicYearOf(d.startDate), person?.name ?? r.requesterId, person?.email ?? '', r.schoolId ? (schools.get(r.schoolId) ?? r.schoolId) : '', d.courseTitle, d.provider,
          d.startDate, d.endDate, d.mode, STATUS_LABELS[r.status], gbp(d.feePence), gbp(d.travelPence), gbp(r.booking?.actualCostPence),
          ['approved', 'booked', 'attended', 'evaluated', 'not-attended'].includes(r.status) ? gbp(costPence(r)) : '0.00', String(d.coverHalfDays), gbp(coverCostPence(d.coverHalfDays, coverRate)), PURPOSE_LABELS[d.purpose], d.purposeDetail,
          d.pathway ?? '', r.booking?.reference ?? '', r.submittedAt ?? '',
        ];
      }
    }
  }
  await writeCsv(sink, COLUMNS, rows());
}

/** The same CSV as text: printing, and tests. */
export async function exportRequestsCsv(deps: ReportDeps, tenantId: string, academicYear?: string): Promise<string> {
  const out = textSink();
  await writeRequestsCsv(deps, tenantId, out.sink, academicYear ? { academicYear } : {});
  return out.text();
}
