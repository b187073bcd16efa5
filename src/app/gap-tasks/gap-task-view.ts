import { DateTime } from 'luxon';
import { isOverdue, type GapTask, type Tenant } from '../../domain';
import { formatDay } from '../../cards/format';
import type { GapTaskFormView } from '../../cards/views/gap-task';
import type { NudgeView } from '../../cards/views/nudge';
import type { AppDeps } from '../deps';

export const PLAN_LABELS = {
  takeBack: 'What will you take back to school from this session? Does the gap task need adapting for your setting?',
  intendedImpact: 'What is the intended impact?',
  startingPoint: 'What is your starting point to measure it from (data, pupil voice, lesson feedback, work scrutiny)?',
  practiceChange: 'How will this change your practice, or the practice of others?',
} as const;

export const REPORT_LABELS = {
  whatDone: 'What did you do or put in place?',
  impactSoFar: 'What has the impact been so far (pupils, staff, school community)?',
  sustain: 'How could this be sustained?',
  successes: 'What are the successes?',
  barriers: 'What are the remaining barriers?',
} as const;

async function sessionTitle(deps: AppDeps, task: GapTask): Promise<string> {
  return (await deps.store.sessions.get(task.tenantId, task.sessionId))?.value.title ?? 'your CPD session';
}

export async function buildGapTaskForm(
  deps: AppDeps,
  tenant: Tenant,
  task: GapTask,
  stage: 'plan' | 'report',
  extra: Partial<Pick<GapTaskFormView, 'values' | 'errors' | 'notice'>> = {},
): Promise<GapTaskFormView> {
  const done = stage === 'plan' ? task.plan !== undefined : task.report !== undefined;
  const planSummary =
    stage === 'report' && task.plan
      ? (Object.keys(PLAN_LABELS) as (keyof typeof PLAN_LABELS)[]).map((k) => ({ label: PLAN_LABELS[k], value: task.plan![k] }))
      : undefined;
  return {
    kind: stage === 'plan' ? 'gap-plan' : 'gap-report',
    gapTaskId: task.id,
    sessionTitle: await sessionTitle(deps, task),
    intent: task.intent,
    task: task.task,
    dueText: `Due ${formatDay(task.dueAt, tenant.settings.timezone)}`,
    state: done && !extra.errors ? 'done' : 'open',
    ...(planSummary ? { planSummary } : {}),
    ...(task.plan?.sharedWithLeaders ? { planShared: true } : {}),
    ...extra,
  };
}

/** Counted in calendar days where the school is: due at 16:00 tomorrow is "tomorrow" whatever the hour now. */
export function nudgeUrgency(task: GapTask, now: Date, zone: string): NudgeView['urgency'] {
  if (isOverdue(task, now)) return 'overdue';
  const today = DateTime.fromJSDate(now, { zone }).startOf('day');
  const dueDay = DateTime.fromISO(task.dueAt, { zone }).startOf('day');
  const days = Math.round(dueDay.diff(today, 'days').days);
  return days <= 1 ? 'tomorrow' : days <= 3 ? 'soon' : 'early';
}

export async function buildNudgeView(deps: AppDeps, tenant: Tenant, task: GapTask): Promise<NudgeView> {
  const now = deps.clock.now();
  const snoozed = task.snoozedUntil && task.snoozedUntil > now.toISOString() ? task.snoozedUntil : undefined;
  return {
    kind: 'nudge',
    gapTaskId: task.id,
    sessionTitle: await sessionTitle(deps, task),
    stage: task.plan ? 'report' : 'plan',
    dueText: `Due ${formatDay(task.dueAt, tenant.settings.timezone)}`,
    urgency: nudgeUrgency(task, now, tenant.settings.timezone),
    ...(snoozed ? { snoozedUntilText: `Snoozed until ${formatDay(snoozed, tenant.settings.timezone)}` } : {}),
    done: task.status === 'reported',
  };
}
