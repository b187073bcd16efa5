import { planRequest, type PlanSubject } from '../../domain';
import { findVersionedWhereIn } from '../../store/find-in';
import type { Store } from '../../store/store';

export interface WakeUp {
  subject: PlanSubject;
  at: Date | undefined;
}

/**
 * Records when each subject must next be planned, earliest first: a request already due sooner
 * (a change not yet planned) is left as it is. One read of those subjects' requests, then a write
 * only for those that move.
 */
export async function scheduleWakes(store: Store, tenantId: string, wakes: readonly WakeUp[]): Promise<void> {
  const wanted = wakes.filter((w): w is WakeUp & { at: Date } => w.at !== undefined);
  if (wanted.length === 0) return;
  const requests = wanted.map(({ subject, at }) => planRequest(tenantId, subject, at.toISOString()));
  const stored = await findVersionedWhereIn(store.planRequests, tenantId, 'id', requests.map((r) => r.id));
  const existing = new Map(stored.map((r) => [r.value.id, r]));
  for (const request of requests) {
    const current = existing.get(request.id);
    if (!current) await store.planRequests.create(request);
    else if (current.value.availableAt > request.availableAt) await store.planRequests.put(request, { ifVersion: current.version });
  }
}
