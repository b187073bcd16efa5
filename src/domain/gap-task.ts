import { z } from 'zod';
import { deterministicId, Id, Instant } from './ids';

const Answer = (max: number) => z.string().trim().min(1, 'Please fill this in.').max(max, `Keep this to ${max} characters.`);

/** Gap-task format part 2 (docs/policy-sources.md): what the delegate plans after session one. */
export const GapTaskPlan = z.object({
  takeBack: Answer(2000),
  intendedImpact: Answer(2000),
  startingPoint: Answer(1000),
  practiceChange: Answer(2000),
  /** Part 2's "Share with your SLT": the person chose to show the plan to their line manager and their school's senior leaders. Absent: private. */
  sharedWithLeaders: z.boolean().optional(),
  submittedAt: Instant,
});
export type GapTaskPlan = z.infer<typeof GapTaskPlan>;

/** Gap-task format part 3 (docs/policy-sources.md): the impact report before session two. */
export const GapTaskReport = z.object({
  whatDone: Answer(2000),
  impactSoFar: Answer(2000),
  sustain: Answer(2000),
  successes: Answer(2000),
  barriers: Answer(2000),
  /** Whether the line manager's digest may quote this report. */
  shareWithManager: z.boolean().default(true),
  submittedAt: Instant,
});
export type GapTaskReport = z.infer<typeof GapTaskReport>;

/**
 * Gap-task format part 4 (docs/policy-sources.md), "to be completed by the Head Teacher/ Senior
 * Leader/ Staff member": a senior leader's (`longTermImpact`) and the person's own (`ownLongTermImpact`), both kept.
 */
export const LongTermImpact = z.object({
  recordedBy: Id,
  impact: Answer(3000),
  recordedAt: Instant,
});

export const GapTaskStatus = z.enum(['awaiting-plan', 'planned', 'reported']);
export type GapTaskStatus = z.infer<typeof GapTaskStatus>;

export const GapTask = z.object({
  tenantId: Id,
  id: Id,
  sessionId: Id,
  followUpSessionId: Id.optional(),
  staffId: Id,
  intent: z.string().max(2000),
  task: z.string().max(2000),
  dueAt: Instant,
  /** The due date before an away period moved it (see away.ts). */
  originalDueAt: Instant.optional(),
  status: GapTaskStatus,
  plan: GapTaskPlan.optional(),
  report: GapTaskReport.optional(),
  longTermImpact: LongTermImpact.optional(),
  /** Part 4 in the person's own words (recordedBy is then themselves). */
  ownLongTermImpact: LongTermImpact.optional(),
  snoozedUntil: Instant.optional(),
});
export type GapTask = z.infer<typeof GapTask>;

export function gapTaskId(sessionId: string, staffId: string): string {
  return deterministicId('gap', sessionId, staffId);
}

export function isOverdue(task: Pick<GapTask, 'status' | 'dueAt'>, now: Date): boolean {
  return task.status !== 'reported' && task.dueAt < now.toISOString();
}
