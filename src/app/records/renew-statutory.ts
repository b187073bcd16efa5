import { expiryAfter, statutoryKey, statutoryTrainingId, StatutoryTraining, type StatutoryRequirement } from '../../domain';
import { upsertWithRetry } from '../../store/update';
import type { AppDeps } from '../deps';

export type RenewResult = { ok: true; changed: boolean; expiresOn: string } | { ok: false; reason: 'conflict' };

/** The person's one document for a required topic, found by the topic's key whatever spelling an import used. */
async function recordFor(deps: AppDeps, tenantId: string, staffId: string, topic: string) {
  const key = statutoryKey(topic);
  const theirs = await deps.store.statutoryTraining.find(tenantId, { where: { staffId } });
  return theirs.find((t) => statutoryKey(t.value.topic) === key);
}

/**
 * Puts training completed on a day on the person's record for a required topic (confirmed report,
 * or attendance at a session marked as statutory): the person's one document for that topic,
 * found by the topic's key whatever spelling an import used, is renewed to that day, never moved
 * back to an earlier one. Writing the same day again changes nothing, so a retry is harmless.
 * `fromSessionId`: renewed by that session's register, which keeps the days it replaced.
 */
export async function renewStatutoryTraining(deps: AppDeps, tenantId: string, staffId: string, requirement: StatutoryRequirement, completedOn: string, fromSessionId?: string): Promise<RenewResult> {
  const id = (await recordFor(deps, tenantId, staffId, requirement.topic))?.value.id ?? statutoryTrainingId(staffId, requirement.topic);
  const expiresOn = expiryAfter(completedOn, requirement.renewalMonths);
  const written = await upsertWithRetry(deps.store.statutoryTraining, tenantId, id, (current) => {
    if (current && current.completedOn >= completedOn) return undefined;
    const fromSession = fromSessionId ? { fromSession: { sessionId: fromSessionId, ...(current ? { before: { completedOn: current.completedOn, expiresOn: current.expiresOn } } : {}) } } : {};
    return StatutoryTraining.parse({ tenantId, id, staffId, topic: current?.topic ?? requirement.topic, completedOn, expiresOn, recordedAt: deps.clock.now().toISOString(), ...fromSession });
  });
  if (!written.ok) return written;
  return { ok: true, changed: written.changed, expiresOn: written.value?.expiresOn ?? expiresOn };
}

export type UndoResult = { ok: true; undone: boolean } | { ok: false; reason: 'conflict' };

/**
 * Someone unticked on a statutory session's register: if that register's renewal is still what their
 * record holds, it goes back to the days before it, or away if there was no record. Anything since
 * (a confirmed report, an import, a later session) is left as it is. Each write is at the version
 * read; a racing writer's change is read again.
 */
export async function undoSessionRenewal(deps: AppDeps, tenantId: string, staffId: string, topic: string, sessionId: string): Promise<UndoResult> {
  for (let attempt = 0; attempt < 5; attempt++) {
    const record = await recordFor(deps, tenantId, staffId, topic);
    const from = record?.value.fromSession;
    if (!record || from?.sessionId !== sessionId) return { ok: true, undone: false };
    const { fromSession: _renewal, ...rest } = record.value;
    const written = from.before
      ? await deps.store.statutoryTraining.put({ ...rest, ...from.before, recordedAt: deps.clock.now().toISOString() }, { ifVersion: record.version })
      : await deps.store.statutoryTraining.delete(tenantId, record.value.id, { ifVersion: record.version });
    if (written.ok) return { ok: true, undone: true };
  }
  return { ok: false, reason: 'conflict' };
}

