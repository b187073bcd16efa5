import { DateTime } from 'luxon';
import type { Tenant } from '../../domain';
import type { Filter, TenantDoc, Collection } from '../../store/port';
import type { Store } from '../../store/store';

export type RetentionCounts = Record<'answers' | 'anonymousAnswers' | 'questionnaires' | 'receipts' | 'gapTasks' | 'attendance' | 'messages', number>;

async function deleteWhere<T extends TenantDoc>(collection: Collection<T>, tenantId: string, where: Filter): Promise<string[]> {
  const rows = await collection.find(tenantId, { where });
  for (const row of rows) await collection.delete(tenantId, row.value.id);
  return rows.map((r) => r.value.id);
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
  const questionnaires = await deleteWhere(store.questionnaires, t, { closesAt: { lt: before } });
  let receipts = 0;
  for (let i = 0; i < questionnaires.length; i += 500) {
    receipts += (await deleteWhere(store.receipts, t, { questionnaireId: { in: questionnaires.slice(i, i + 500) } })).length;
  }
  const oldSessions = (await store.sessions.find(t, { where: { startsAt: { lt: before } } })).map((s) => s.value.id);
  let attendance = 0;
  for (let i = 0; i < oldSessions.length; i += 500) {
    attendance += (await deleteWhere(store.participations, t, { sessionId: { in: oldSessions.slice(i, i + 500) } })).length;
  }
  return {
    answers: (await deleteWhere(store.responses, t, { submittedAt: { lt: before } })).length,
    anonymousAnswers: (await deleteWhere(store.anonymousResponses, t, { submittedOn: { lt: beforeDay } })).length,
    questionnaires: questionnaires.length,
    receipts,
    gapTasks: (await deleteWhere(store.gapTasks, t, { dueAt: { lt: before } })).length,
    attendance,
    messages: (await deleteWhere(store.deliveries, t, { dueAt: { lt: before } })).length,
  };
}
