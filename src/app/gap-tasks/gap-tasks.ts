import { z } from 'zod';
import { GapTaskPlan, GapTaskReport, type FieldErrors, type GapTask } from '../../domain';
import type { GapTaskFormView } from '../../cards/views/gap-task';
import type { NoticeView } from '../../cards/views/notice';
import type { NudgeView } from '../../cards/views/nudge';
import type { Versioned } from '../../store/port';
import { updateWithRetry } from '../../store/update';
import type { Actor } from '../people';
import type { AppDeps } from '../deps';
import { buildGapTaskForm, buildNudgeView } from './gap-task-view';
import { notice } from '../notice';
import { OWN_PART_FOUR_HINT, SHARE_WITH_LEADERS_FIELD } from '../../cards/wording/gap-task';
import { enqueueSharedPlan, sharedPlanReaders } from './shared-plan';

export type GapTaskResult = { ok: true; view: GapTaskFormView } | { ok: false; view: GapTaskFormView | NoticeView };

const PlanInput = GapTaskPlan.omit({ submittedAt: true, sharedWithLeaders: true }).extend({
  // Part 2's "Share with your SLT": a toggle ("true"/"false"); absent means not shared.
  [SHARE_WITH_LEADERS_FIELD]: z
    .union([z.boolean(), z.string()])
    .optional()
    .transform((v) => v === true || v === 'true'),
});
const ReportInput = GapTaskReport.omit({ submittedAt: true, shareWithManager: true }).extend({
  // Cards send the toggle as "true"/"false"; absent means the person left it as offered (shared).
  shareWithManager: z
    .union([z.boolean(), z.enum(['true', 'false'])])
    .optional()
    .transform((v) => v === undefined || v === true || v === 'true'),
});

const NOT_YOURS = notice('attention', "I can't find that gap task among yours.");

async function ownTask(deps: AppDeps, actor: Actor, gapTaskId: string): Promise<GapTask | undefined> {
  return (await ownVersionedTask(deps, actor, gapTaskId))?.value;
}

async function ownVersionedTask(deps: AppDeps, actor: Actor, gapTaskId: string): Promise<Versioned<GapTask> | undefined> {
  const read = await deps.store.gapTasks.get(actor.tenant.id, gapTaskId);
  return read && read.value.staffId === actor.staff.id ? read : undefined;
}

function fieldErrors(error: z.ZodError): FieldErrors {
  const errors: FieldErrors = {};
  for (const issue of error.issues) {
    const key = String(issue.path[0] ?? 'form');
    errors[key] ??= issue.code === 'invalid_type' ? 'Please fill this in.' : issue.message;
  }
  return errors;
}

function textValues(raw: Record<string, unknown>): Record<string, string> {
  const values: Record<string, string> = {};
  for (const [k, v] of Object.entries(raw)) if (typeof v === 'string') values[k] = v.slice(0, 5000);
  return values;
}

export async function openGapTask(deps: AppDeps, actor: Actor, input: { gapTaskId: string; stage: 'plan' | 'report' }) {
  const task = await ownTask(deps, actor, input.gapTaskId);
  return task ? buildGapTaskForm(deps, actor.tenant, task, input.stage) : NOT_YOURS;
}

async function submitStage(
  deps: AppDeps,
  actor: Actor,
  gapTaskId: string,
  stage: 'plan' | 'report',
  raw: Record<string, unknown>,
): Promise<GapTaskResult> {
  const read = await ownVersionedTask(deps, actor, gapTaskId);
  if (!read) return { ok: false, view: NOT_YOURS };
  const task = read.value;
  const parsed = stage === 'plan' ? PlanInput.safeParse(raw) : ReportInput.safeParse(raw);
  if (!parsed.success) {
    return {
      ok: false,
      view: await buildGapTaskForm(deps, actor.tenant, task, stage, {
        values: textValues(raw),
        errors: fieldErrors(parsed.error),
        notice: { tone: 'attention', text: 'Please check the answers marked below.' },
      }),
    };
  }
  const share = stage === 'plan' && (parsed.data as z.infer<typeof PlanInput>).shareWithLeaders;
  const readers = share ? await sharedPlanReaders(deps, actor.tenant, actor.staff) : [];
  // Fail closed: "shared" with nobody would mislead the person.
  if (share && readers.length === 0) {
    return {
      ok: false,
      view: await buildGapTaskForm(deps, actor.tenant, task, stage, {
        values: textValues(raw),
        errors: { [SHARE_WITH_LEADERS_FIELD]: 'You have no line manager or senior leader at your school on the staff list, so there is nobody to share it with: ask your CPD lead, or untick it.' },
        notice: { tone: 'attention', text: 'Please check the answers marked below.' },
      }),
    };
  }
  const submittedAt = deps.clock.now().toISOString();
  let planSaved = false;
  const updated = await updateWithRetry(
    deps.store.gapTasks,
    actor.tenant.id,
    task.id,
    (current) => {
      // A repeated submission (the same invoke twice) finds the stage done and leaves it.
      if (stage === 'plan') {
        planSaved = false;
        if (current.plan) return undefined;
        const { shareWithLeaders, ...answers } = parsed.data as z.infer<typeof PlanInput>;
        planSaved = true;
        return { ...current, plan: { ...answers, ...(shareWithLeaders ? { sharedWithLeaders: true } : {}), submittedAt }, status: current.report ? ('reported' as const) : ('planned' as const) };
      }
      if (current.report) return undefined;
      return { ...current, report: { ...(parsed.data as z.infer<typeof ReportInput>), submittedAt }, status: 'reported' as const };
    },
    { ttlSeconds: actor.tenant.settings.retentionDays * 86400, read },
  );
  if (!updated.ok) return { ok: false, view: notice('attention', 'Someone else was saving this at the same moment. Please try again.') };
  // Only the submission that saved the plan shares it (a repeated invoke finds it saved and sends nothing).
  if (planSaved && updated.value.plan?.sharedWithLeaders) await enqueueSharedPlan(deps, actor.tenant, updated.value, readers);
  const sharedText = `Plan saved and shared with ${readers.map((r) => r.staff.name).join(', ')}.`;
  const view = await buildGapTaskForm(deps, actor.tenant, updated.value, stage, {
    notice: { tone: 'good', text: stage === 'plan' ? (share ? sharedText : 'Plan saved. It is yours alone: you chose not to share it.') : `Impact report saved. Thank you: no more reminders. ${OWN_PART_FOUR_HINT}` },
  });
  return { ok: true, view };
}

export function submitGapPlan(deps: AppDeps, actor: Actor, input: { gapTaskId: string; raw: Record<string, unknown> }) {
  return submitStage(deps, actor, input.gapTaskId, 'plan', input.raw);
}

export function submitGapReport(deps: AppDeps, actor: Actor, input: { gapTaskId: string; raw: Record<string, unknown> }) {
  return submitStage(deps, actor, input.gapTaskId, 'report', input.raw);
}

/** Snooze the nudges for a few days (never past the due date). */
export async function snoozeNudge(deps: AppDeps, actor: Actor, input: { gapTaskId: string; days?: number }): Promise<NudgeView | NoticeView> {
  const task = await ownTask(deps, actor, input.gapTaskId);
  if (!task) return NOT_YOURS;
  const days = Math.min(Math.max(input.days ?? 2, 1), 7);
  const until = new Date(Math.min(deps.clock.now().getTime() + days * 86_400_000, Date.parse(task.dueAt))).toISOString();
  const updated = await updateWithRetry(deps.store.gapTasks, actor.tenant.id, task.id, (current) =>
    current.status === 'reported' ? undefined : { ...current, snoozedUntil: until },
  );
  return buildNudgeView(deps, actor.tenant, updated.ok ? updated.value : task);
}
