import { DateTime } from 'luxon';
import type { Tenant } from '../../domain';
import type { Filter, TenantDoc, Collection } from '../../store/port';
import type { Store } from '../../store/store';
import { BATCH_SIZE, inBatches } from './in-batches';

export type RetentionCounts = Record<'answers' | 'anonymousAnswers' | 'questionnaires' | 'receipts' | 'gapTasks' | 'attendance' | 'messages', number>;

/** Deletes what matches a batch at a time (never every match held at once); `before` runs on each batch first. */
function deleteWhere<T extends TenantDoc>(collection: Collection<T>, tenantId: string, where: Filter, before?: (ids: string[]) => Promise<void>): Promise<number> {
  return inBatches(collection, tenantId, where, async (batch) => {
    const ids = batch.map((r) => r.value.id);
    await before?.(ids);
    for (const id of ids) await collection.delete(tenantId, id);
  });
}

/**
 * Removes what the tenant's `retentionDays` says is kept no longer, on either store: answers,
 * questionnaires and their receipts, gap tasks, attendance of sessions that ended before the cut-off,
 * and old outbox records. Sessions (the programme itself) and staff stay. Cosmos also expires
 * answers, receipts and gap tasks by TTL as they are written; this sweep covers every record the
 * setting names, whichever store and however a record was written, and makes the rule testable.
 */
export async function applyRetention(deps: { store: Store }, tenant: Tenant, now: Date): Promise<RetentionCounts> {
  const { store } = deps;
  const t = tenant.id;
  const cutoff = DateTime.fromJSDate(now).minus({ days: tenant.settings.retentionDays });
  const before = cutoff.toUTC().toISO()!;
  const beforeDay = cutoff.setZone(tenant.settings.timezone).toISODate()!;
  // Each batch of questionnaires takes its receipts with it (receipts first: a sweep cut short leaves none behind).
  let receipts = 0;
  const questionnaires = await deleteWhere(store.questionnaires, t, { closesAt: { lt: before } }, async (ids) => {
    receipts += await deleteWhere(store.receipts, t, { questionnaireId: { in: ids } });
  });
  // Sessions stay: they are paged through for their ids, a batch at a time, and their attendance deleted.
  let attendance = 0;
  let oldSessions: string[] = [];
  const deleteAttendance = async () => {
    if (oldSessions.length) attendance += await deleteWhere(store.participations, t, { sessionId: { in: oldSessions } });
    oldSessions = [];
  };
  for await (const { value: s } of store.sessions.iterate(t, { where: { startsAt: { lt: before } } }, { pageSize: BATCH_SIZE })) {
    oldSessions.push(s.id);
    if (oldSessions.length === BATCH_SIZE) await deleteAttendance();
  }
  await deleteAttendance();
  return {
    answers: await deleteWhere(store.responses, t, { submittedAt: { lt: before } }),
    anonymousAnswers: await deleteWhere(store.anonymousResponses, t, { submittedOn: { lt: beforeDay } }),
    questionnaires,
    receipts,
    gapTasks: await deleteWhere(store.gapTasks, t, { dueAt: { lt: before } }),
    attendance,
    messages: await deleteWhere(store.deliveries, t, { dueAt: { lt: before } }),
  };
}
