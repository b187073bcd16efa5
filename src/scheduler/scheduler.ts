import cron, { type ScheduledTask } from 'node-cron';
import type { MessageSender } from '../app/outbound';
import { recordingInvitations } from '../app/sessions';
import type { Clock } from '../domain';
import { inFlow } from '../store/flow';
import type { Store } from '../store/store';
import { Dispatcher } from './send/dispatcher';
import type { ComposeFn, DispatchSummary, DispatcherDeps, SchedulerLogger } from './send/dispatcher-types';
import { planChanges, requestWholeTenantPlans, type PlanChangesSummary } from './plan/plan-requests';
import { retentionSweep } from './retention-sweep';
import { storeRunCoordinator } from './slot-coordinator';
import { StaffLinkSweep, type LinkStaff } from './staff-link-sweep';

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
  /** Links staff to Slack by e-mail ahead of first contact: at start, after a roster import, daily. */
  linkStaff?: LinkStaff;
}

export interface TickSummary {
  planned: PlanChangesSummary;
  dispatched: DispatchSummary;
}

export interface Scheduler {
  runOnce(): Promise<TickSummary>;
  /** Stops the ticks and waits for sends in flight to be recorded. */
  stop(): Promise<void>;
}

/**
 * Every minute (Europe/London), every instance plans the subjects whose plan requests are due and
 * dispatches what is due, both under leases. The first pass plans every tenant whole (after
 * downtime or an upgrade nothing is missed); after that, planning follows change (docs/delivery.md).
 */
export function startScheduler(options: SchedulerOptions): Scheduler {
  const { store, clock, logger } = options;
  // Each invitation sent is recorded as a fact (reports count "invited" from it).
  const onError = (err: unknown, delivery: { id: string }) => logger.error({ err, deliveryId: delivery.id }, 'invitation sent but not recorded');
  const senders = options.senders.map((s) => recordingInvitations(s, { store, clock, onError }));
  // Cosmos may have several instances sending for one tenant: they share its rate through the store.
  const dispatcher = new Dispatcher({ ...options, senders, shareTenantRate: store.kind === 'cosmos' });
  const coordinator = storeRunCoordinator(store, clock);
  const onPlanError = (tenantId: string, err: unknown) => logger.error({ err, tenantId }, 'planning failed for a tenant');
  const onRetentionError = (tenantId: string, err: unknown) => logger.error({ err, tenantId }, 'retention sweep failed for a tenant');
  // Named flows: the Cosmos adapter counts request units per flow (src/store/flow.ts).
  let wholeTenantsRequested = false;
  const plan = () =>
    inFlow('plan', async () => {
      if (!wholeTenantsRequested) {
        await requestWholeTenantPlans(store);
        wholeTenantsRequested = true;
      }
      return planChanges({ store, clock, instanceId: options.instanceId, onError: onPlanError });
    });
  const dispatch = () => inFlow('dispatch', () => dispatcher.dispatchUntilIdle(50));
  const sweep = options.linkStaff ? new StaffLinkSweep({ store, clock, link: options.linkStaff }) : undefined;
  // A platform that cannot be asked now is logged, and planning and sending go on without it.
  const link = async () => {
    try {
      const counts = await sweep?.runIfDue();
      if (counts && !counts.tenantId) logger.warn('cannot link Slack staff ahead: this workspace is linked to no tenant (npm run cli -- tenant link slack <workspace id>, or set DEFAULT_TENANT_ID)');
      else if (counts) logger.info({ ...counts }, 'linked staff by e-mail');
    } catch (err) {
      logger.error({ err }, 'linking staff by e-mail failed');
    }
  };

  const tasks: ScheduledTask[] = [];
  if (options.cron) {
    const timezone = options.timezone ?? 'Europe/London';
    tasks.push(
      cron.schedule('* * * * *', () => plan(), { name: 'twilight-plan', timezone, noOverlap: true }),
      cron.schedule('* * * * *', () => link(), { name: 'twilight-link-staff', timezone, noOverlap: true }),
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
      await link();
      const planned = await plan();
      const dispatched = await dispatch();
      logger.info({ planned, dispatched }, 'scheduler tick');
      return { planned, dispatched };
    },
    async stop() {
      for (const t of tasks) await t.destroy();
      await dispatcher.stop();
    },
  };
}
