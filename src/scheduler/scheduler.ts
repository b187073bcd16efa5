import cron, { type ScheduledTask } from 'node-cron';
import type { MessageSender } from '../app/outbound';
import { recordingInvitations } from '../app/sessions';
import type { Clock } from '../domain';
import { inFlow } from '../store/flow';
import type { Store } from '../store/store';
import { Dispatcher } from './send/dispatcher';
import type { ComposeFn, DispatchSummary, DispatcherDeps, SchedulerLogger } from './send/dispatcher-types';
import { planAllTenants, type PlanSummary } from './plan/plan-tenant';
import { retentionSweep } from './retention-sweep';
import { minuteSlot, storeRunCoordinator } from './slot-coordinator';

export interface SchedulerOptions extends Partial<Omit<DispatcherDeps, 'store' | 'clock' | 'logger' | 'senders' | 'compose' | 'instanceId'>> {
  store: Store;
  clock: Clock;
  logger: SchedulerLogger;
  senders: readonly MessageSender[];
  compose: ComposeFn;
  instanceId: string;
  /** Start the every-minute node-cron tasks (false in tests, which call runOnce). */
  cron?: boolean;
  timezone?: string;
}

export interface TickSummary {
  /** Absent when another instance planned this minute. */
  planned?: PlanSummary;
  dispatched: DispatchSummary;
}

export interface Scheduler {
  runOnce(): Promise<TickSummary>;
  /** Stops the ticks and waits for sends in flight to be recorded. */
  stop(): Promise<void>;
}

const PLAN_TASK = 'twilight-plan';

/**
 * Every minute (Europe/London): one instance plans (coordinated through a create-if-absent key
 * per minute), and every instance dispatches what is due under leases.
 */
export function startScheduler(options: SchedulerOptions): Scheduler {
  const { store, clock, logger } = options;
  // Each invitation sent is recorded as a fact (reports count "invited" from it).
  const onError = (err: unknown, delivery: { id: string }) => logger.error({ err, deliveryId: delivery.id }, 'invitation sent but not recorded');
  const senders = options.senders.map((s) => recordingInvitations(s, { store, clock, onError }));
  const dispatcher = new Dispatcher({ ...options, senders });
  const coordinator = storeRunCoordinator(store, clock);
  const onPlanError = (tenantId: string, err: unknown) => logger.error({ err, tenantId }, 'planning failed for a tenant');
  const onRetentionError = (tenantId: string, err: unknown) => logger.error({ err, tenantId }, 'retention sweep failed for a tenant');
  // Named flows: the Cosmos adapter counts request units per flow (src/store/flow.ts).
  const plan = () => inFlow('plan', () => planAllTenants({ store, clock, onError: onPlanError }));
  const dispatch = () => inFlow('dispatch', () => dispatcher.dispatchUntilIdle(50));

  const tasks: ScheduledTask[] = [];
  if (options.cron) {
    const timezone = options.timezone ?? 'Europe/London';
    tasks.push(
      cron.schedule('* * * * *', () => plan(), {
        name: PLAN_TASK,
        timezone,
        noOverlap: true,
        distributed: true,
        runCoordinator: coordinator,
      }),
      cron.schedule('* * * * *', () => dispatch(), { name: 'twilight-dispatch', timezone, noOverlap: true }),
      // Retention at night, by one instance: deleting old answers is no job for school hours.
      cron.schedule('40 2 * * *', () => retentionSweep({ store, clock, onError: onRetentionError }), {
        name: 'twilight-retention',
        timezone,
        noOverlap: true,
        distributed: true,
        runCoordinator: coordinator,
      }),
    );
    for (const t of tasks) t.on('execution:failed', (ctx) => logger.error({ err: ctx.execution?.error }, 'scheduler tick failed'));
  }

  return {
    async runOnce() {
      const elected = await coordinator.shouldRun(`${PLAN_TASK}:${minuteSlot(clock.now())}`, 60_000);
      const planned = elected ? await plan() : undefined;
      const dispatched = await dispatch();
      logger.info({ planned, dispatched }, 'scheduler tick');
      return { ...(planned ? { planned } : {}), dispatched };
    },
    async stop() {
      for (const t of tasks) await t.destroy();
      await dispatcher.stop();
    },
  };
}
