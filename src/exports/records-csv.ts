import type { Writable } from 'node:stream';
import type { Staff, Tenant } from '../domain';
import { findWhereIn, groupBy } from '../store/find-in';
import { buildMyRecord } from '../app/records';
import type { ReportDeps } from '../app/reports';
import { DEFAULT_PAGE_SIZE } from '../store/port';
import type { Store } from '../store/store';
import { chunksOf, textSink, writeCsv, type CsvCell } from './csv-stream';

// Year and hours come last so readers of the older six columns still find theirs in place.
const COLUMNS = ['name', 'email', 'department', 'month', 'cpd_accessed', 'impact', 'academic_year', 'hours'];

export interface RecordsCsvOptions {
  /** One person's record (their own export) instead of everyone's. */
  onlyStaffId?: string;
  /** People per page: each page's records are read, written and let go before the next. Default 500. */
  pageSize?: number;
}

/** Everyone's ids in the export's order (name, then id), paged through: only the sort keys are held. */
async function staffIdsByName(store: Store, tenantId: string, pageSize: number): Promise<string[]> {
  const keys: { id: string; name: string }[] = [];
  for await (const { value: s } of store.staff.iterate(tenantId, undefined, { pageSize })) keys.push({ id: s.id, name: s.name });
  return keys.sort((a, b) => a.name.localeCompare(b.name) || a.id.localeCompare(b.id)).map((k) => k.id);
}

/** One page of people (in the order given, any no longer there left out) with their whole records, as CSV rows. */
async function rowsOf(store: Store, tenant: Tenant, now: Date, people: Staff[]): Promise<CsvCell[][]> {
  const tenantId = tenant.id;
  const ids = people.map((p) => p.id);
  const participations = await findWhereIn(store.participations, tenantId, 'staffId', ids, { attended: true });
  const gapTasks = await findWhereIn(store.gapTasks, tenantId, 'staffId', ids);
  const logged = await findWhereIn(store.cpdLog, tenantId, 'staffId', ids);
  const qualifications = await findWhereIn(store.qualifications, tenantId, 'staffId', ids);
  const statutory = await findWhereIn(store.statutoryTraining, tenantId, 'staffId', ids);
  const sessions = await findWhereIn(store.sessions, tenantId, 'id', participations.map((p) => p.sessionId));
  // Held mentoring and coaching meetings count as CPD (issue 30); their mentors' names are read once.
  const meetings = await findWhereIn(store.mentoringMeetings, tenantId, 'menteeId', ids, { status: 'held' });
  const mentorNames = new Map((await findWhereIn(store.staff, tenantId, 'id', meetings.flatMap((m) => m.mentorId ?? []))).map((s) => [s.id, s.name]));
  const meetingsBy = groupBy(meetings, (m) => m.menteeId);
  const participationsBy = groupBy(participations, (p) => p.staffId);
  const gapTasksBy = groupBy(gapTasks, (g) => g.staffId);
  const loggedBy = groupBy(logged, (e) => e.staffId);
  const qualificationsBy = groupBy(qualifications, (q) => q.staffId);
  const statutoryBy = groupBy(statutory, (t) => t.staffId);

  return people.flatMap((person) => {
    const record = buildMyRecord({
      tenant,
      person,
      now,
      sessions,
      participations: participationsBy.get(person.id) ?? [],
      gapTasks: gapTasksBy.get(person.id) ?? [],
      logged: loggedBy.get(person.id) ?? [],
      qualifications: qualificationsBy.get(person.id) ?? [],
      statutory: statutoryBy.get(person.id) ?? [],
      meetings: meetingsBy.get(person.id) ?? [],
      mentorNames,
    });
    const who = [person.name, person.email, person.department ?? ''];
    // Qualifications and statutory training have no month or hours: their dates are in the text.
    return [
      ...record.rows.map((r) => [...who, r.month, r.cpd, r.impact ?? '', r.year ?? '', r.hours ?? '']),
      ...(record.qualifications ?? []).map((q) => [...who, '', `Qualification: ${q.title} (${q.datesText})`, '', '', '']),
      ...(record.statutory ?? []).map((t) => [...who, '', `Statutory training: ${t.topic} (${t.expiresText})`, '', '', '']),
    ];
  });
}

/**
 * "Every Teacher a Learner" records as CSV into `sink`: every member of staff (for the lead's
 * governors' report) or one person (their own export). The same builder makes the chat view.
 * People are taken a page at a time in name order, and each page's sessions, gap tasks, logged
 * CPD, qualifications and statutory training are read and written before the next page's: years
 * of records never sit in memory, only everyone's name and id (to sort by).
 */
export async function writeRecordsCsv(deps: ReportDeps, tenantId: string, now: Date, sink: Writable, options: RecordsCsvOptions = {}): Promise<void> {
  const { store } = deps;
  const pageSize = options.pageSize ?? DEFAULT_PAGE_SIZE;
  const tenant = (await store.tenants.get(tenantId, tenantId))?.value;
  async function* rows(): AsyncIterable<CsvCell[]> {
    if (!tenant) return;
    if (options.onlyStaffId !== undefined) {
      const person = (await store.staff.get(tenantId, options.onlyStaffId))?.value;
      if (person) yield* await rowsOf(store, tenant, now, [person]);
      return;
    }
    for (const ids of chunksOf(await staffIdsByName(store, tenantId, pageSize), pageSize)) {
      const byId = new Map((await findWhereIn(store.staff, tenantId, 'id', ids)).map((s) => [s.id, s]));
      yield* await rowsOf(store, tenant, now, ids.flatMap((id) => byId.get(id) ?? []));
    }
  }
  await writeCsv(sink, COLUMNS, rows());
}

/** The same CSV as text: one person's record (the signed link), printing, and tests. */
export async function exportRecordsCsv(deps: ReportDeps, tenantId: string, now: Date, onlyStaffId?: string): Promise<string> {
  const out = textSink();
  await writeRecordsCsv(deps, tenantId, now, out.sink, onlyStaffId === undefined ? {} : { onlyStaffId });
  return out.text();
}
