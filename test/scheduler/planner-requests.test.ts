import { SchoolCalendar, deliveryId } from '../../src/domain';
import { planDeliveries, type PlanningInput } from '../../src/scheduler/plan/planner';
import { schoolDaysSince } from '../../src/scheduler/plan/planner-requests';
import { cpdRequest } from '../support/cpd-request-fixtures';
import { staff, tenant } from '../support/fixtures';

const T = 't1';
// The request reached its line manager on Friday 18 December 2026; the Christmas holiday runs to 3 January.
const calendar = SchoolCalendar.parse({ tenantId: T, holidays: [{ start: '2026-12-19', end: '2027-01-03' }] });
const request = cpdRequest(T, 'req-1', { steps: [{ role: 'line-manager', approverId: 'lm', reachedAt: '2026-12-18T10:00:00.000Z' }, { role: 'headteacher', approverId: 'head' }] });

function input(now: string, requests = [request]): PlanningInput {
  return {
    tenant: tenant(T),
    calendar,
    sessions: [],
    participations: [],
    questionnaires: [],
    templates: [],
    receipts: [],
    gapTasks: [],
    staff: [staff(T, 'lm'), staff(T, 'lead', { roles: ['cpd-lead'] })],
    pending: [],
    cpdRequests: requests,
    now: new Date(now),
  };
}

const requestMessages = (i: PlanningInput) => planDeliveries(i).deliveries.filter((d) => d.kind.startsWith('request-'));

describe('CPD request nudges (planner rule, clock passed in)', () => {
  test('school days skip weekends and holidays', () => {
    expect(schoolDaysSince(input('2027-01-04T09:00:00.000Z'), new Date('2026-12-18T10:00:00.000Z'))).toBe(1);
    expect(schoolDaysSince(input('2027-01-06T09:00:00.000Z'), new Date('2026-12-18T10:00:00.000Z'))).toBe(3);
  });

  test('nothing over the holiday; the nudge on the third school day; the lead on the sixth; each once', () => {
    expect(requestMessages(input('2027-01-01T09:00:00.000Z'))).toEqual([]);
    expect(requestMessages(input('2027-01-05T09:00:00.000Z'))).toEqual([]);
    const third = requestMessages(input('2027-01-06T09:00:00.000Z'));
    expect(third.map((d) => [d.kind, d.recipientId, d.id])).toEqual([['request-nudge', 'lm', deliveryId('request-nudge', 'lm', 'req-1', 'step-0')]]);
    const sixth = requestMessages(input('2027-01-11T09:00:00.000Z'));
    expect(sixth.map((d) => [d.kind, d.recipientId])).toEqual([
      ['request-nudge', 'lm'],
      ['request-overdue-lead', 'lead'],
    ]);
    // The same id again: written create-if-absent, so the nudge goes once.
    expect(sixth[0]!.id).toBe(third[0]!.id);
  });

  test('a decided request is not chased', () => {
    expect(requestMessages(input('2027-01-11T09:00:00.000Z', [{ ...request, status: 'declined' }]))).toEqual([]);
  });
});
