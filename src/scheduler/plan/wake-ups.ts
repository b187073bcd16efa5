import { planRequest, type PlanSubject } from '../../domain';
import type { Store } from '../../store/store';

export interface WakeUp {
  subject: PlanSubject;
  at: Date | undefined;
}

/**
 * Records when each subject must next be planned, earliest first: a request already due sooner
 * (a change not yet planned) is left as it is. One read of the tenant's requests, then a write only
 * for those that move.
 */
export async function scheduleWakes(store: Store, tenantId: string, wakes: readonly WakeUp[]): Promise<void> {
  const wanted = wakes.filter((w): w is WakeUp & { at: Date } => w.at !== undefined);
  if (wanted.length === 0) return;
  const existing = new Map((await store.planRequests.find(tenantId)).map((r) => [r.value.id, r]));
  for (const { subject, at } of wanted) {
    const request = planRequest(tenantId, subject, at.toISOString());
    const current = existing.get(request.id);
    if (!current) await store.planRequests.create(request);
    else if (current.value.availableAt > request.availableAt) await store.planRequests.put(request, { ifVersion: current.version });
  }
}
