import { metrics, type Counter } from '@opentelemetry/api';
import type { StatusFigures } from '../app/status';
import type { Platform } from '../domain';

export type SendOutcome = 'sent' | 'failed' | 'throttled' | 'expired';

/**
 * The figures that answer "is it working?", named for what they mean (docs/deploy.md, "Watching it").
 * Instruments come from the global meter: with telemetry off it is OpenTelemetry's no-op meter, so
 * recording costs nothing and the gauges' callback (a few store queries) is never called.
 */
export interface TwilightMetrics {
  /** A message's outcome as the dispatcher meets it: `twilight.messages.<outcome>`, by platform. */
  messageOutcome(outcome: SendOutcome, platform: Platform | undefined): void;
  /** Request units a Cosmos DB operation was charged: `twilight.cosmos.request_units`. */
  requestUnits(charge: number): void;
}

export function twilightMetrics(readFigures: () => Promise<StatusFigures>): TwilightMetrics {
  const meter = metrics.getMeter('twilight');
  const counters: Record<SendOutcome, Counter> = {
    sent: meter.createCounter('twilight.messages.sent', { description: 'Messages sent, by platform' }),
    failed: meter.createCounter('twilight.messages.failed', { description: 'Messages that failed for good (after retries), by platform' }),
    throttled: meter.createCounter('twilight.messages.throttled', { description: 'Sends answered 429 (Retry-After honoured), by platform' }),
    expired: meter.createCounter('twilight.messages.expired', { description: 'Messages whose moment passed before they could be sent' }),
  };
  const units = meter.createCounter('twilight.cosmos.request_units', { description: 'Cosmos DB request units spent', unit: '{RU}' });
  const due = meter.createObservableGauge('twilight.outbox.due', { description: 'Outbox messages that could be sent now' });
  const oldest = meter.createObservableGauge('twilight.outbox.oldest_due_age', { description: 'How long the oldest due message has waited', unit: 's' });
  const lag = meter.createObservableGauge('twilight.planner.lag', { description: 'How long the oldest due plan request has waited', unit: 's' });
  const changes = meter.createObservableGauge('twilight.planner.changes_waiting', { description: 'Changes (a new session, an edit, an import) not yet planned' });
  const answers = meter.createObservableGauge('twilight.answers.stored_last_day', { description: 'Answers (named and anonymous) stored in the last 24 hours' });
  meter.addBatchObservableCallback(
    async (result) => {
      const f = await readFigures();
      result.observe(due, f.outbox.due);
      result.observe(oldest, f.outbox.oldestDueSeconds);
      result.observe(lag, f.plannerLagSeconds);
      result.observe(changes, f.plannerChangesWaiting);
      result.observe(answers, f.answersLastDay);
    },
    [due, oldest, lag, changes, answers],
  );
  return {
    messageOutcome: (outcome, platform) => counters[outcome].add(1, { platform: platform ?? 'none' }),
    requestUnits: (charge) => units.add(charge),
  };
}
