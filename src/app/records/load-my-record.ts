import type { MyRecordView } from '../../cards/views/my-record';
import { findWhereIn } from '../../store/find-in';
import { buildMyRecord } from './my-record';
import { localDateOf } from '../../domain/school-time';
import { namesOf, supportersOf } from '../mentoring';
import type { ReportDeps, ReportResult } from '../reports';

/** A person's own record: read by their staff id, never anyone else's. */
export async function loadMyRecord(deps: ReportDeps, tenantId: string, staffId: string, now: Date): Promise<ReportResult<MyRecordView>> {
  const { store } = deps;
  const tenant = (await store.tenants.get(tenantId, tenantId))?.value;
  if (!tenant) return { ok: false, message: 'This school is not set up yet.' };
  const person = (await store.staff.get(tenantId, staffId))?.value;
  if (!person) return { ok: false, message: 'We could not find you in the staff list.' };
  const participations = (await store.participations.find(tenantId, { where: { staffId } })).map((v) => v.value);
  const gapTasks = (await store.gapTasks.find(tenantId, { where: { staffId } })).map((v) => v.value);
  const logged = (await store.cpdLog.find(tenantId, { where: { staffId } })).map((v) => v.value);
  const qualifications = (await store.qualifications.find(tenantId, { where: { staffId } })).map((v) => v.value);
  const statutory = (await store.statutoryTraining.find(tenantId, { where: { staffId } })).map((v) => v.value);
  const meetings = (await store.mentoringMeetings.find(tenantId, { where: { menteeId: staffId, status: 'held' } })).map((v) => v.value);
  const supporters = await supportersOf(deps, tenantId, staffId, localDateOf(now, tenant.settings.timezone));
  const mentorNames = await namesOf(deps, tenantId, meetings.flatMap((m) => m.mentorId ?? []));
  const sessions = await findWhereIn(store.sessions, tenantId, 'id', [
    ...participations.map((p) => p.sessionId),
    ...gapTasks.map((g) => g.sessionId),
  ]);
  const record = buildMyRecord({ tenant, person, now, sessions, participations, gapTasks, logged, qualifications, statutory, meetings, mentorNames });
  return { ok: true, value: supporters.length > 0 ? { ...record, supporters: supporters.map((s) => ({ roleLabel: s.roleLabel, name: s.name })) } : record };
}
