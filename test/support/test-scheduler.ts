import pino from 'pino';
import { composeMessage } from '../../src/app/compose-message';
import type { AppDeps } from '../../src/app/deps';
import type { MessageSender } from '../../src/app/outbound';
import type { ManualClock } from '../../src/domain';
import { startScheduler, type Scheduler } from '../../src/scheduler/scheduler';
import type { LinkStaff } from '../../src/scheduler/staff-link-sweep';

/** A virtual timer for the dispatcher: waiting moves the manual clock, never real time. */
export function virtualSleep(clock: ManualClock) {
  return async (ms: number): Promise<void> => {
    const wake = clock.now().getTime() + ms;
    await Promise.resolve();
    if (clock.now().getTime() < wake) clock.set(new Date(wake));
  };
}

/** The real scheduler (planner + dispatcher + real composer) on a manual clock, ticked by `runOnce()`. */
export function startTestScheduler(deps: AppDeps & { clock: ManualClock }, senders: MessageSender[], instanceId = 'test', options: { linkStaff?: LinkStaff } = {}): Scheduler {
  return startScheduler({
    store: deps.store,
    clock: deps.clock,
    logger: pino({ level: 'silent' }),
    senders,
    compose: (delivery) => composeMessage(deps, delivery),
    instanceId,
    sleep: virtualSleep(deps.clock),
    ...options,
  });
}
