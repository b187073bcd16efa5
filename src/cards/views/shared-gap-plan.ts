/** Gap-task part 2's "Share with your SLT": a plan its person chose to show their line manager and their school's senior leaders. */
export interface SharedGapPlanView {
  kind: 'gap-plan-shared';
  personName: string;
  sessionTitle: string;
  /** Why the reader has it: as the person's line manager, or as a senior leader of their school. */
  audience: 'line-manager' | 'senior-leader';
  /** The plan's answers, each with its question. */
  plan: { label: string; value: string }[];
  intent?: string;
  task?: string;
}
