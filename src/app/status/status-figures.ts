import { PLAN_NOW, type Platform } from '../../domain';
import type { Store } from '../../store/store';

/** The outcomes a message ends in, as the dispatcher records them (throttling is counted as it happens, in telemetry). */
export const MESSAGE_OUTCOMES = ['sent', 'failed', 'expired'] as const;
export type MessageOutcome = (typeof MESSAGE_OUTCOMES)[number];
const PLATFORMS: readonly Platform[] = ['teams', 'slack'];
const DAY_MS = 24 * 60 * 60 * 1000;

/** "Is it working?": the figures `status` shows in chat and the CLI, and telemetry reports. */
export interface StatusFigures {
  at: string;
  outbox: {
    /** Pending messages that could be sent now (not leased, not backing off). */
    due: number;
    /** How long the oldest of those has been waiting, in seconds (0 when none is). */
    oldestDueSeconds: number;
  };
  /**
   * How long the oldest due timed plan request (a wake-up, or a planner's lease that ran out) has
   * waited, in seconds. A change's request carries no time (PLAN_NOW: due at once), so its wait
   * cannot be measured: those are counted in `plannerChangesWaiting` instead.
   */
  plannerLagSeconds: number;
  plannerChangesWaiting: number;
  /** Messages due in the last 24 hours, by how they ended and the platform they went to. */
  lastDay: Record<MessageOutcome, Record<Platform, number>>;
  /** Answers (named and anonymous) stored in the last 24 hours. */
  answersLastDay: number;
}

const secondsSince = (now: Date, iso: string | undefined) => (iso ? Math.max(0, Math.round((now.getTime() - Date.parse(iso)) / 1000)) : 0);

/**
 * The figures for the given tenants (a lead's own; every tenant for telemetry). Each is an indexed
 * count or a one-row ordered query per tenant: cheap enough to ask once a minute.
 */
export async function loadStatusFigures(deps: { store: Store; clock: { now(): Date } }, tenantIds: readonly string[]): Promise<StatusFigures> {
  const now = deps.clock.now();
  const nowIso = now.toISOString();
  const dayAgo = new Date(now.getTime() - DAY_MS).toISOString();
  const due = { status: 'pending', availableAt: { lte: nowIso } } as const;
  const figures: StatusFigures = {
    at: nowIso,
    outbox: { due: 0, oldestDueSeconds: 0 },
    plannerLagSeconds: 0,
    plannerChangesWaiting: 0,
    lastDay: { sent: { teams: 0, slack: 0 }, failed: { teams: 0, slack: 0 }, expired: { teams: 0, slack: 0 } },
    answersLastDay: 0,
  };
  for (const tenantId of tenantIds) {
    figures.outbox.due += await deps.store.deliveries.count(tenantId, due);
    const [oldest] = await deps.store.deliveries.find(tenantId, { where: due, orderBy: { field: 'availableAt' }, limit: 1 });
    figures.outbox.oldestDueSeconds = Math.max(figures.outbox.oldestDueSeconds, secondsSince(now, oldest?.value.availableAt));
    const [waiting] = await deps.store.planRequests.find(tenantId, { where: { availableAt: { gt: PLAN_NOW, lte: nowIso } }, orderBy: { field: 'availableAt' }, limit: 1 });
    figures.plannerLagSeconds = Math.max(figures.plannerLagSeconds, secondsSince(now, waiting?.value.availableAt));
    figures.plannerChangesWaiting += await deps.store.planRequests.count(tenantId, { availableAt: PLAN_NOW });
    for (const outcome of MESSAGE_OUTCOMES) {
      for (const platform of PLATFORMS) {
        figures.lastDay[outcome][platform] += await deps.store.deliveries.count(tenantId, { status: outcome, platform, dueAt: { gte: dayAgo } });
      }
    }
    figures.answersLastDay +=
      (await deps.store.responses.count(tenantId, { submittedAt: { gte: dayAgo } })) +
      (await deps.store.anonymousResponses.count(tenantId, { submittedOn: { gte: dayAgo.slice(0, 10) } }));
  }
  return figures;
}

const duration = (seconds: number) => (seconds < 120 ? `${seconds} s` : seconds < 7200 ? `${Math.round(seconds / 60)} min` : `${Math.round(seconds / 3600)} h`);

/** The figures as lines of text, the same in chat and in the CLI. */
export function statusText(f: StatusFigures): string {
  const byPlatform = (o: MessageOutcome) => `${f.lastDay[o].teams + f.lastDay[o].slack} (Teams ${f.lastDay[o].teams}, Slack ${f.lastDay[o].slack})`;
  const sent = f.lastDay.sent.teams + f.lastDay.sent.slack;
  const failed = f.lastDay.failed.teams + f.lastDay.failed.slack;
  const failureRate = sent + failed === 0 ? '–' : `${((100 * failed) / (sent + failed)).toFixed(1)} %`;
  return [
    `Outbox: ${f.outbox.due} due now; the oldest has waited ${duration(f.outbox.oldestDueSeconds)} (an alert fires past 10 min).`,
    `Planner: the oldest due wake-up has waited ${duration(f.plannerLagSeconds)}; ${f.plannerChangesWaiting} change${f.plannerChangesWaiting === 1 ? '' : 's'} waiting to be planned.`,
    `Last 24 hours: sent ${byPlatform('sent')}; failed ${byPlatform('failed')} (${failureRate}); expired ${byPlatform('expired')}.`,
    `Answers stored in the last 24 hours: ${f.answersLastDay}.`,
  ].join('\n');
}
