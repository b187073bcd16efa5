import fc from 'fast-check';
import { budgetPosition, wouldExceed } from '../../src/domain/budget';
import { CpdRequest } from '../../src/domain/cpd-request';
import { poundsInWords } from '../../src/domain/money';
import { coverCostPence, coverCostText, coverWithCost } from '../../src/domain/supply-cover';
import { courseDetails } from '../support/cpd-request-fixtures';

const request = (status: CpdRequest['status'], coverHalfDays: number, feePence = 25000) =>
  CpdRequest.parse({ tenantId: 't1', id: `r-${status}-${coverHalfDays}-${feePence}`, requesterId: 'req', details: courseDetails({ coverHalfDays, feePence, travelPence: 0 }), status, steps: [], createdAt: '2026-11-23T09:00:00.000Z' });

describe('supply cover in pounds', () => {
  test('half-days at the rate; no rate is "not costed" (undefined), never £0', () => {
    expect(coverCostPence(14, 11000)).toBe(154000);
    expect(coverCostPence(0, 11000)).toBe(0);
    expect(coverCostPence(14, undefined)).toBeUndefined();
    expect(coverCostText(14, 11000)).toBe('£1,540 at £110 a half-day');
    expect(coverCostText(3, 11250)).toBe('£337.50 at £112.50 a half-day');
    expect(coverCostText(3, undefined)).toBeUndefined();
    expect(coverWithCost(14, 11000)).toBe('14 half-days (£1,540 at £110 a half-day)');
    expect(coverWithCost(1, 9500)).toBe('1 half-day (£95 at £95 a half-day)');
    expect(coverWithCost(2, undefined)).toBe('2 half-days');
    expect(poundsInWords(-1500)).toBe('−£15');
  });

  test('the cover cost of a budget is the sum of its counted requests\' cover at the rate (submitted, declined and cancelled count for nothing)', () => {
    const requests = [request('approved', 2), request('booked', 3), request('attended', 1), request('submitted', 4), request('declined', 5), request('cancelled', 6)];
    const position = budgetPosition(500000, requests);
    expect(position.coverHalfDays).toBe(6);
    expect(coverCostPence(position.coverHalfDays, 11000)).toBe(66000);
  });

  test('cover is shown, not deducted: what is left and whether a request would exceed it do not depend on its cover', () => {
    fc.assert(
      fc.property(fc.array(fc.record({ status: fc.constantFrom('submitted', 'approved', 'booked', 'declined' as const), cover: fc.integer({ min: 0, max: 40 }) }), { maxLength: 12 }), fc.integer({ min: 0, max: 40 }), (rows, cover) => {
        const withCover = rows.map((r) => request(r.status, r.cover));
        const without = rows.map((r) => request(r.status, 0));
        expect(budgetPosition(100000, withCover).leftPence).toBe(budgetPosition(100000, without).leftPence);
        const left = budgetPosition(100000, withCover);
        expect(wouldExceed(left, request('submitted', cover))).toBe(wouldExceed(left, request('submitted', 0)));
      }),
    );
  });
});
