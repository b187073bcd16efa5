import { CpdRequest, type CpdRequestDetailsInput } from '../../src/domain';

export function courseDetails(extra: Partial<CpdRequestDetailsInput> = {}): CpdRequestDetailsInput {
  return {
    courseTitle: 'Leading early reading',
    provider: 'Fenland English Hub',
    link: 'https://hub.example/reading',
    startDate: '2027-01-12',
    endDate: '2027-01-12',
    startTime: '09:00',
    endTime: '15:30',
    mode: 'in-person',
    feePence: 25000,
    travelPence: 1840,
    coverHalfDays: 2,
    purpose: 'school-priority',
    purposeDetail: 'SIP priority 2: early reading',
    intendedImpact: 'More Year 1 pupils pass the phonics check.',
    ...extra,
  };
}

/** A submitted request waiting for its line manager, then its headteacher. */
export function cpdRequest(tenantId: string, id: string, extra: Partial<CpdRequest> = {}): CpdRequest {
  return CpdRequest.parse({
    tenantId,
    id,
    requesterId: 'teacher',
    schoolId: 'sch-1',
    details: courseDetails(),
    status: 'submitted',
    steps: [
      { role: 'line-manager', approverId: 'lm', reachedAt: '2026-11-23T09:00:00.000Z' },
      { role: 'headteacher', approverId: 'head' },
    ],
    createdAt: '2026-11-23T09:00:00.000Z',
    submittedAt: '2026-11-23T09:00:00.000Z',
    ...extra,
  });
}
