import { bookExternalSession, externalSessionId } from '../../src/app/requests/request-booking';
import { budgetId, CpdBudget, type Tenant } from '../../src/domain';
import type { Store } from '../../src/store/store';
import { cpdRequest } from './cpd-request-fixtures';

/**
 * Jo's course, approved by Mia (her line manager) and Hal (head), booked by Sam at £240 with its
 * session made as the booking makes it; the school's budget for 2026-27 is £5,000, and another
 * course of £300 is approved (committed) for the same school.
 */
export async function seedBookedCourse(store: Store, tenant: Tenant, now: string): Promise<{ requestId: string; sessionId: string }> {
  const requestId = 'req-jo-booked';
  const decided = (approverId: string, role: 'line-manager' | 'headteacher') => ({ role, approverId, reachedAt: now, decision: { outcome: 'approved' as const, by: approverId, at: now } });
  const booked = cpdRequest(tenant.id, requestId, {
    requesterId: 'stf-jo',
    status: 'booked',
    steps: [decided('stf-mia', 'line-manager'), decided('stf-hal', 'headteacher')],
    decidedAt: now,
    booking: { by: 'stf-sam', at: now, actualCostPence: 24000, reference: 'LER-1', sessionId: externalSessionId(requestId) },
  });
  await store.cpdRequests.create(booked);
  await store.cpdRequests.create(cpdRequest(tenant.id, 'req-other', { requesterId: 'stf-hal', status: 'approved', steps: [decided('stf-sam', 'headteacher')], decidedAt: now, details: { ...booked.details, courseTitle: 'Other course', feePence: 30000, travelPence: 0 } }));
  await store.cpdBudgets.create(CpdBudget.parse({ tenantId: tenant.id, id: budgetId('2026-27', 'sch-1'), scope: 'school', schoolId: 'sch-1', academicYear: '2026-27', amountPence: 500000, setAt: now }));
  const sessionId = await bookExternalSession({ store, clock: { now: () => new Date(now) } }, tenant, booked);
  return { requestId, sessionId };
}
