import { expiryAfter, statutoryKey, statutoryTrainingId, StatutoryTraining, type StatutoryRequirement } from '../../domain';
import { upsertWithRetry } from '../../store/update';
import type { AppDeps } from '../deps';

export type RenewResult = { ok: true; changed: boolean; expiresOn: string } | { ok: false; reason: 'conflict' };

/**
 * Puts training completed on a day on the person's record for a required topic (confirmed report,
 * or attendance at a session marked as statutory): the person's one document for that topic,
 * found by the topic's key whatever spelling an import used, is renewed to that day, never moved
 * back to an earlier one. Writing the same day again changes nothing, so a retry is harmless.
 */
export async function renewStatutoryTraining(deps: AppDeps, tenantId: string, staffId: string, requirement: StatutoryRequirement, completedOn: string): Promise<RenewResult> {
  const key = statutoryKey(requirement.topic);
  const theirs = await deps.store.statutoryTraining.find(tenantId, { where: { staffId } });
  const id = theirs.find((t) => statutoryKey(t.value.topic) === key)?.value.id ?? statutoryTrainingId(staffId, requirement.topic);
  const expiresOn = expiryAfter(completedOn, requirement.renewalMonths);
  const written = await upsertWithRetry(deps.store.statutoryTraining, tenantId, id, (current) => {
    if (current && current.completedOn >= completedOn) return undefined;
    return StatutoryTraining.parse({ tenantId, id, staffId, topic: current?.topic ?? requirement.topic, completedOn, expiresOn, recordedAt: deps.clock.now().toISOString() });
  });
  if (!written.ok) return written;
  return { ok: true, changed: written.changed, expiresOn: written.value?.expiresOn ?? expiresOn };
}
