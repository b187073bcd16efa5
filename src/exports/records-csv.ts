import { stringify } from 'csv-stringify/sync';
import type { Staff } from '../domain';
import { findWhereIn, groupBy } from '../reports/find-in';
import { buildMyRecord } from '../reports/my-record';
import type { ReportDeps } from '../reports/report-deps';

// Year and hours come last so readers of the older six columns still find theirs in place.
const COLUMNS = ['name', 'email', 'department', 'month', 'cpd_accessed', 'impact', 'academic_year', 'hours'];

/**
 * "Every Teacher a Learner" records as CSV: every member of staff (for the lead's governors'
 * report) or one person (their own export). The same builder makes the chat view.
 */
export async function exportRecordsCsv(deps: ReportDeps, tenantId: string, now: Date, onlyStaffId?: string): Promise<string> {
  const { store } = deps;
  const tenant = (await store.tenants.get(tenantId, tenantId))?.value;
  if (!tenant) return stringify([], { header: true, columns: COLUMNS });
  const people: Staff[] = onlyStaffId
    ? [(await store.staff.get(tenantId, onlyStaffId))?.value].filter((s): s is Staff => s !== undefined)
    : (await store.staff.find(tenantId)).map((v) => v.value).sort((a, b) => a.name.localeCompare(b.name) || a.id.localeCompare(b.id));
  const ids = people.map((p) => p.id);
  const participations = await findWhereIn(store.participations, tenantId, 'staffId', ids, { attended: true });
  const gapTasks = await findWhereIn(store.gapTasks, tenantId, 'staffId', ids);
  const logged = await findWhereIn(store.cpdLog, tenantId, 'staffId', ids);
  const qualifications = await findWhereIn(store.qualifications, tenantId, 'staffId', ids);
  const statutory = await findWhereIn(store.statutoryTraining, tenantId, 'staffId', ids);
  const sessions = await findWhereIn(store.sessions, tenantId, 'id', participations.map((p) => p.sessionId));
  const participationsBy = groupBy(participations, (p) => p.staffId);
  const gapTasksBy = groupBy(gapTasks, (g) => g.staffId);
  const loggedBy = groupBy(logged, (e) => e.staffId);
  const qualificationsBy = groupBy(qualifications, (q) => q.staffId);
  const statutoryBy = groupBy(statutory, (t) => t.staffId);

  const rows = people.flatMap((person) => {
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
    });
    const who = [person.name, person.email, person.department ?? ''];
    // Qualifications and statutory training have no month or hours: their dates are in the text.
    return [
      ...record.rows.map((r) => [...who, r.month, r.cpd, r.impact ?? '', r.year ?? '', r.hours ?? '']),
      ...(record.qualifications ?? []).map((q) => [...who, '', `Qualification: ${q.title} (${q.datesText})`, '', '', '']),
      ...(record.statutory ?? []).map((t) => [...who, '', `Statutory training: ${t.topic} (${t.expiresText})`, '', '', '']),
    ];
  });
  return stringify(rows, { header: true, columns: COLUMNS });
}
