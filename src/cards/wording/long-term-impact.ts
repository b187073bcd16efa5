import type { LongTermImpactView } from '../views/long-term-impact';

/** The evidence seed 001's gap-task part 4 names: "E.g Data/Pupil Discussion Outcomes/Work Scrutiny Outcomes/Staff surveys". */
export const LONG_TERM_EVIDENCE = 'data, pupil discussion outcomes, work scrutiny outcomes, staff surveys';

/** Gap-task part 4's fields, shared by the Teams card and the Slack modal. */
export const LONG_TERM_LABELS = {
  reportedTaskId: 'Whose work',
  impact: `What impact have you seen in school as a result of the training? Say what shows it (${LONG_TERM_EVIDENCE}).`,
} as const;

export function longTermSubtitle(view: Pick<LongTermImpactView, 'own'>): string {
  return view.own
    ? 'Gap-task part 4 in your own words. A senior leader may add theirs too; both are kept on your record.'
    : 'Gap-task part 4, recorded by a senior leader. The person may add their own too; both are kept.';
}

/** What a task's row says beneath the report: the senior leader's part 4 and the person's own, each with who wrote it. */
export function longTermLines(task: LongTermImpactView['tasks'][number], own: boolean | undefined): string[] {
  return [
    ...(task.longTerm ? [`Longer term (${task.longTermBy ?? 'a senior leader'}): ${task.longTerm}`] : []),
    ...(task.ownLongTerm ? [`Longer term (${own ? 'you' : `${task.name}, their own view`}): ${task.ownLongTerm}`] : []),
  ];
}
