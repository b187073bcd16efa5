import fc from 'fast-check';
import {
  approvalChainFor,
  askAboutRequest,
  bookRequest,
  cancelRequest,
  CpdRequest,
  CpdRequestSettings,
  currentStep,
  decideRequest,
  isFinal,
  markRequestAttended,
  markRequestEvaluated,
  submitRequest,
  withdrawRequest,
  type ApprovalStep,
  type Transition,
} from '../../src/domain/cpd-request';
import { budgetPosition, academicYearOf } from '../../src/domain/budget';
import { formatPence, parsePounds } from '../../src/domain/money';

const people = ['req', 'lm', 'head', 'exec', 'lead', 'stranger'] as const;
const AT = '2026-11-23T09:00:00.000Z';
const BOOKER = 'lead';

function draft(steps: ApprovalStep[] = []): CpdRequest {
  return CpdRequest.parse({
    tenantId: 't1',
    id: 'req-1',
    requesterId: 'req',
    schoolId: 'sch-1',
    status: 'draft',
    steps,
    createdAt: AT,
    details: {
      courseTitle: 'Leading phonics',
      provider: 'Local hub',
      startDate: '2027-01-12',
      endDate: '2027-01-12',
      mode: 'in-person',
      feePence: 25000,
      travelPence: 1200,
      coverHalfDays: 2,
      purpose: 'school-priority',
      purposeDetail: 'SIP priority 2: early reading',
      intendedImpact: 'More pupils reading fluently by Easter.',
    },
  });
}

type Event =
  | { kind: 'submit'; by: string }
  | { kind: 'decide'; by: string; outcome: 'approved' | 'declined'; reason?: string }
  | { kind: 'ask'; by: string }
  | { kind: 'withdraw'; by: string }
  | { kind: 'book'; by: string }
  | { kind: 'cancel'; by: string }
  | { kind: 'attend' }
  | { kind: 'evaluate' };

const person = fc.constantFrom(...people);
const event: fc.Arbitrary<Event> = fc.oneof(
  fc.record({ kind: fc.constant('submit' as const), by: person }),
  fc.record({ kind: fc.constant('decide' as const), by: person, outcome: fc.constantFrom('approved' as const, 'declined' as const), reason: fc.option(fc.constantFrom('No budget', '  ', 'Not this term'), { nil: undefined }) }),
  fc.record({ kind: fc.constant('ask' as const), by: person }),
  fc.record({ kind: fc.constant('withdraw' as const), by: person }),
  fc.record({ kind: fc.constant('book' as const), by: person }),
  fc.record({ kind: fc.constant('cancel' as const), by: person }),
  fc.constant({ kind: 'attend' as const }),
  fc.constant({ kind: 'evaluate' as const }),
);

const chain: ApprovalStep[] = [
  { role: 'line-manager', approverId: 'lm' },
  { role: 'headteacher', approverId: 'head' },
  { role: 'executive-lead', approverId: 'exec' },
];

function apply(request: CpdRequest, e: Event): Transition {
  switch (e.kind) {
    case 'submit':
      return submitRequest(request, chain, e.by, AT);
    case 'decide':
      return decideRequest(request, { by: e.by, outcome: e.outcome, reason: e.reason, at: AT });
    case 'ask':
      return askAboutRequest(request, e.by, 'When is it?', AT);
    case 'withdraw':
      return withdrawRequest(request, e.by, AT);
    case 'book':
      return bookRequest(request, { by: e.by, at: AT, actualCostPence: 24000, reference: 'BK-1', sessionId: 'ses-x' }, BOOKER);
    case 'cancel':
      return cancelRequest(request, e.by, e.by === BOOKER, AT);
    case 'attend':
      return markRequestAttended(request, AT);
    case 'evaluate':
      return markRequestEvaluated(request, AT);
  }
}

/** Runs the events, checking the rules that must hold after every single step. */
function run(events: Event[], check: (before: CpdRequest, e: Event, result: Transition) => void): CpdRequest {
  let request = draft();
  for (const e of events) {
    const snapshot = structuredClone(request);
    const result = apply(request, e);
    // Pure rules: the request passed in is never changed, whatever the outcome.
    expect(request).toEqual(snapshot);
    check(request, e, result);
    if (result.ok) request = CpdRequest.parse(result.request);
  }
  return request;
}

const events = fc.array(event, { maxLength: 30 });

describe('CPD request state machine (fast-check)', () => {
  test('no event leaves a final state', () => {
    fc.assert(
      fc.property(events, (es) => {
        run(es, (before, _e, result) => {
          if (isFinal(before.status)) expect(result.ok).toBe(false);
        });
      }),
    );
  });

  test('only the current step’s approver can decide; anyone else changes nothing', () => {
    fc.assert(
      fc.property(events, (es) => {
        run(es, (before, e, result) => {
          if (e.kind !== 'decide') return;
          const step = currentStep(before);
          if (!step || step.approverId !== e.by) expect(result.ok).toBe(false);
          if (step && step.approverId !== e.by) expect(result).toMatchObject({ ok: false, reason: 'not-yours' });
        });
      }),
    );
  });

  test('a decline needs a reason and ends the chain; later steps are never decided', () => {
    fc.assert(
      fc.property(events, (es) => {
        const final = run(es, (_before, e, result) => {
          if (e.kind === 'decide' && e.outcome === 'declined' && !e.reason?.trim()) expect(result.ok).toBe(false);
          if (result.ok && e.kind === 'decide' && e.outcome === 'declined') expect(result.request.status).toBe('declined');
        });
        const decided = final.steps.map((s) => s.decision);
        const firstOpen = decided.findIndex((d) => d === undefined);
        // Decisions form a prefix of the chain, and only its last may be a decline.
        if (firstOpen >= 0) expect(decided.slice(firstOpen).every((d) => d === undefined)).toBe(true);
        const made = decided.filter((d) => d !== undefined);
        made.slice(0, -1).forEach((d) => expect(d?.outcome).toBe('approved'));
        if (final.status === 'declined') expect(made.at(-1)?.outcome).toBe('declined');
      }),
    );
  });

  test('approved, booked and later states mean every step approved; booked and later carry a booking', () => {
    fc.assert(
      fc.property(events, (es) => {
        const final = run(es, () => undefined);
        const through = ['approved', 'booked', 'attended', 'evaluated'].includes(final.status);
        if (through) expect(final.steps.length > 0 && final.steps.every((s) => s.decision?.outcome === 'approved')).toBe(true);
        if (['booked', 'attended', 'evaluated'].includes(final.status)) expect(final.booking?.by).toBe(BOOKER);
        if (final.status === 'submitted') expect(currentStep(final)?.reachedAt).toBe(AT);
      }),
    );
  });

  test('a refused event says why', () => {
    fc.assert(
      fc.property(events, (es) => {
        run(es, (_before, _e, result) => {
          if (!result.ok) expect(result.message.length).toBeGreaterThan(0);
        });
      }),
    );
  });

  test('the whole way: submitted, approved by each step in turn, booked, attended, evaluated', () => {
    const final = run(
      [
        { kind: 'submit', by: 'req' },
        { kind: 'decide', by: 'head', outcome: 'approved' },
        { kind: 'decide', by: 'lm', outcome: 'approved' },
        { kind: 'decide', by: 'head', outcome: 'approved' },
        { kind: 'decide', by: 'exec', outcome: 'approved' },
        { kind: 'book', by: 'lm' },
        { kind: 'book', by: 'lead' },
        { kind: 'attend' },
        { kind: 'evaluate' },
      ],
      (_b, e, result) => {
        if ((e.kind === 'decide' && e.by === 'head' && _b.steps[0]?.decision === undefined) || (e.kind === 'book' && e.by === 'lm')) expect(result.ok).toBe(false);
        else expect(result.ok).toBe(true);
      },
    );
    expect(final.status).toBe('evaluated');
    expect(final.steps.map((s) => s.decision?.by)).toEqual(['lm', 'head', 'exec']);
  });
});

describe('approval chain from the tenant setting (fast-check)', () => {
  const settingsArb = fc.record({
    chain: fc.uniqueArray(fc.constantFrom('line-manager' as const, 'headteacher' as const, 'executive-lead' as const), { minLength: 1, maxLength: 3 }),
    head: fc.option(person, { nil: undefined }),
    exec: fc.option(person, { nil: undefined }),
    lm: fc.option(person, { nil: undefined }),
    threshold: fc.option(fc.integer({ min: 0, max: 100000 }), { nil: undefined }),
    cost: fc.integer({ min: 0, max: 100000 }),
  });

  test('never the requester, never the same approver twice, steps in the tenant’s order, thresholds honoured', () => {
    fc.assert(
      fc.property(settingsArb, (s) => {
        const settings = CpdRequestSettings.parse({
          chain: s.chain,
          headteacherBySchool: s.head ? { 'sch-1': s.head } : {},
          executiveLeadId: s.exec,
          skipUnderPence: s.threshold === undefined ? {} : { 'executive-lead': s.threshold },
        });
        const result = approvalChainFor(settings, { requesterId: 'req', lineManagerId: s.lm, schoolId: 'sch-1' }, s.cost);
        if (!result.ok) return;
        const ids = result.steps.map((st) => st.approverId);
        expect(ids).not.toContain('req');
        expect(new Set(ids).size).toBe(ids.length);
        const order = result.steps.map((st) => s.chain.indexOf(st.role));
        expect([...order].sort((a, b) => a - b)).toEqual(order);
        if (s.threshold !== undefined && s.cost < s.threshold) expect(result.steps.map((st) => st.role)).not.toContain('executive-lead');
      }),
    );
  });

  test('the default chain is line manager then the headteacher of the person’s school', () => {
    const settings = CpdRequestSettings.parse({ headteacherBySchool: { 'sch-1': 'head', 'sch-2': 'other' } });
    expect(approvalChainFor(settings, { requesterId: 'req', lineManagerId: 'lm', schoolId: 'sch-1' }, 100)).toEqual({
      ok: true,
      steps: [
        { role: 'line-manager', approverId: 'lm' },
        { role: 'headteacher', approverId: 'head' },
      ],
    });
    expect(approvalChainFor(settings, { requesterId: 'req' }, 100)).toMatchObject({ ok: false, reason: 'no-approver' });
  });
});

describe('money and budget', () => {
  test('pence survive being shown as pounds and read back', () => {
    fc.assert(fc.property(fc.integer({ min: 0, max: 999_999_999 }), (p) => expect(parsePounds(formatPence(p))).toBe(p)));
    expect(formatPence(123450)).toBe('£1,234.50');
    expect(parsePounds('12.5')).toBe(1250);
    expect(parsePounds('12.505')).toBeUndefined();
    expect(parsePounds('-3')).toBeUndefined();
  });

  test('cancelling or declining a request never lowers what is left', () => {
    const statuses = ['submitted', 'approved', 'booked', 'attended', 'evaluated', 'declined', 'withdrawn', 'cancelled'] as const;
    fc.assert(
      fc.property(fc.array(fc.record({ status: fc.constantFrom(...statuses), fee: fc.integer({ min: 0, max: 100000 }) }), { maxLength: 20 }), fc.nat({ max: 40 }), (rows, pick) => {
        const requests = rows.map((r) => ({ ...draft(), status: r.status, details: { ...draft().details, feePence: r.fee, travelPence: 0 } }));
        const before = budgetPosition(500000, requests);
        expect(before.leftPence).toBe(500000 - before.committedPence - before.spentPence);
        if (requests.length === 0) return;
        const i = pick % requests.length;
        const after = budgetPosition(500000, requests.map((r, j) => (j === i ? { ...r, status: 'cancelled' as const } : r)));
        expect(after.leftPence).toBeGreaterThanOrEqual(before.leftPence);
      }),
    );
  });

  test('academic years run from September', () => {
    expect(academicYearOf('2026-09-01')).toBe('2026-27');
    expect(academicYearOf('2027-08-31')).toBe('2026-27');
    expect(academicYearOf('1999-12-01')).toBe('1999-00');
  });
});
