import { countsInBudget, CpdRequest, newId, Participation, ResponseReceipt, type Staff } from '../../domain';
import type { Collection, TenantDoc } from '../../store/port';
import type { Store } from '../../store/store';
import { updateWithRetry } from '../../store/update';
import { inBatches } from './in-batches';
import { ERASED_TEXT, redactMentions } from './redact-mentions';
import { findStaffByEmail } from './staff-records';
import { eraseMentoring } from './erase-mentoring';

export interface ErasureResult {
  ok: true;
  /** A random reference for the school's own request log; the audit record carries only this. */
  reference: string;
  counts: Record<string, number>;
  /** Records that still name the person and could not be rewritten (collection and id), for the operator to see to. */
  notRedacted: string[];
}

async function deleteAll<T extends TenantDoc>(collection: Collection<T>, tenantId: string, field: string, staffId: string): Promise<number> {
  const rows = await collection.find(tenantId, { where: { [field]: staffId } });
  for (const row of rows) await collection.delete(tenantId, row.value.id);
  return rows.length;
}

/** A spending record without the person: a fresh id (theirs was derived from their id), their own words and questions gone. */
function anonymousRequest(request: CpdRequest, standIn: string): CpdRequest {
  const { link: _link, ...details } = request.details;
  return CpdRequest.parse({
    ...request,
    id: newId('req'),
    requesterId: standIn,
    details: { ...details, purposeDetail: ERASED_TEXT, intendedImpact: ERASED_TEXT },
    questions: [],
    steps: request.steps.map(({ decision, ...step }) => (decision ? { ...step, decision: { outcome: decision.outcome, by: decision.by, at: decision.at } } : step)),
    closedReason: undefined,
  });
}

/**
 * Right to erasure: removes a person's named records (answers, gap tasks, conversation
 * references, planned messages, CPD requests, logged CPD, qualifications, statutory training,
 * impact follow-ups, year-ahead reviews, the staff record) and keeps what counts without naming them.
 * Attendance and "has answered" receipts are re-keyed to a random stand-in (their ids were derived
 * from the person's id), so session figures and response rates stay right; anonymous answers are
 * untouched (they never named anyone). An audit record says an erasure happened, with no personal data.
 */
export async function eraseStaff(deps: { store: Store }, tenantId: string, email: string, now: Date, by: 'cli' | 'chat'): Promise<ErasureResult | { ok: false; message: string }> {
  const found = await findStaffByEmail(deps, tenantId, email);
  if (!found.ok) return found;
  const { store } = deps;
  const person: Staff = found.staff;
  const counts: Record<string, number> = {};

  counts.answers = await deleteAll(store.responses, tenantId, 'respondentId', person.id);
  counts.gapTasks = await deleteAll(store.gapTasks, tenantId, 'staffId', person.id);
  counts.conversations = await deleteAll(store.conversations, tenantId, 'staffId', person.id);
  counts.plannedMessages = await deleteAll(store.deliveries, tenantId, 'recipientId', person.id);
  // Their external CPD requests, and the messages to approvers and bookers about them. One the
  // budget counts is the school's record of spending: it stays, as nobody's, with their words gone.
  const standIn = newId('erased');
  counts.cpdRequestsKeptAnonymously = 0;
  counts.cpdRequests = await inBatches(store.cpdRequests, tenantId, { requesterId: person.id }, async (batch) => {
    for (const r of batch) {
      counts.plannedMessages! += await deleteAll(store.deliveries, tenantId, 'subject.requestId', r.value.id);
      if (countsInBudget(r.value.status)) {
        await store.cpdRequests.create(anonymousRequest(r.value, standIn));
        counts.cpdRequestsKeptAnonymously! += 1;
      }
      await store.cpdRequests.delete(tenantId, r.value.id);
    }
  });
  counts.loggedCpd = await deleteAll(store.cpdLog, tenantId, 'staffId', person.id);
  counts.qualifications = await deleteAll(store.qualifications, tenantId, 'staffId', person.id);
  // Their reported training (and any certificate sent with it) counts as statutory training.
  counts.statutoryTraining = (await deleteAll(store.statutoryTraining, tenantId, 'staffId', person.id)) + (await deleteAll(store.statutoryReports, tenantId, 'staffId', person.id));
  counts.courseCertificates = await deleteAll(store.courseCertificates, tenantId, 'staffId', person.id);
  counts.impactFollowUps = await deleteAll(store.impactFollowUps, tenantId, 'staffId', person.id);
  counts.yearAheadReviews = await deleteAll(store.needsReviews, tenantId, 'staffId', person.id);
  Object.assign(counts, await eraseMentoring(store, tenantId, person.id, standIn));

  // One stand-in per erasure: the person's attendance still counts, as nobody.
  const participations = await store.participations.find(tenantId, { where: { staffId: person.id } });
  for (const p of participations) {
    await store.participations.create(Participation.parse({ ...p.value, id: newId('part'), staffId: standIn, attendanceMarkedBy: undefined }));
    await store.participations.delete(tenantId, p.value.id);
  }
  counts.attendanceKeptAnonymously = participations.length;
  const receipts = await store.receipts.find(tenantId, { where: { staffId: person.id } });
  for (const r of receipts) {
    await store.receipts.create(ResponseReceipt.parse({ ...r.value, id: newId('rcpt'), staffId: standIn }));
    await store.receipts.delete(tenantId, r.value.id);
  }
  counts.receiptsKeptAnonymously = receipts.length;

  // Nobody may point at them any more: their reports lose a line manager, sessions a facilitator.
  const reports = await store.staff.find(tenantId, { where: { lineManagerId: person.id } });
  for (const r of reports) await updateWithRetry(store.staff, tenantId, r.value.id, (s) => ({ ...s, lineManagerId: undefined }));
  counts.reportsUnlinked = reports.length;
  // facilitatorIds[] is indexed: only the sessions they facilitate are read, not every session.
  const facilitated = await store.sessions.find(tenantId, { where: { facilitatorIds: { contains: person.id } } });
  for (const s of facilitated) await updateWithRetry(store.sessions, tenantId, s.value.id, (x) => ({ ...x, facilitatorIds: x.facilitatorIds.filter((f) => f !== person.id) }));
  counts.sessionsUnlinked = facilitated.length;

  await store.staff.delete(tenantId, person.id);
  // Whatever else still names them (approvals they gave, settings, colleagues' text) keeps its facts, not them.
  const redacted = await redactMentions(store, tenantId, person, standIn);
  counts.otherRecordsRedacted = redacted.rewritten;
  counts.recordsNotRedacted = redacted.left.length;
  const reference = newId('erasure');
  await store.audit.create({ tenantId, id: reference, action: 'staff-erased', at: now.toISOString(), by, reference, counts });
  // Deleted rows must not stay readable in the store's files (SQLite: free pages, the WAL).
  await store.scrub();
  return { ok: true, reference, counts, notRedacted: redacted.left };
}
