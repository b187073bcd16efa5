import { budgetId, CpdRequestDetails } from '../../src/domain';
import type { Store } from '../../src/store/store';
import { courseDetails, cpdRequest } from './cpd-request-fixtures';

/**
 * Huntingdon Academy's (sch-1) 2026-27 budget of £1,000 with 14 half-days of cover used: a booked
 * course (4 half-days, £300) and an approved one (10 half-days, £268.40), £431.60 left.
 */
export async function coverBudget(store: Store, tenantId: string, requesterId: string): Promise<void> {
  await store.cpdBudgets.put({ tenantId, id: budgetId('2026-27', 'sch-1'), scope: 'school', schoolId: 'sch-1', academicYear: '2026-27', amountPence: 100000, setAt: '2026-09-01T08:00:00.000Z' });
  const booking = { by: 'lead', at: '2026-10-01T09:00:00.000Z', actualCostPence: 30000, reference: 'B-1', sessionId: 'ext-b' };
  await store.cpdRequests.put(cpdRequest(tenantId, 'req-booked', { requesterId, status: 'booked', details: CpdRequestDetails.parse(courseDetails({ coverHalfDays: 4, startDate: '2026-12-01', endDate: '2026-12-02' })), booking }));
  await store.cpdRequests.put(cpdRequest(tenantId, 'req-approved', { requesterId, status: 'approved', details: CpdRequestDetails.parse(courseDetails({ coverHalfDays: 10, courseTitle: 'Phonics leadership' })) }));
}
