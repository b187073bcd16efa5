import type { GapTask, ImpactFollowUp } from '../../domain';
import type { LeadReportView } from '../../cards/views/lead-report';

export interface EvaluationLevelsInput {
  attended: number;
  responses: number;
  /** Mean of the reaction questionnaire's quality rating, when any. */
  qualityMean?: number;
  gapTasks: readonly GapTask[];
  followUps: readonly ImpactFollowUp[];
  minimum: number;
}

/**
 * The evaluation levels (docs/evaluation.md) as the product collects them, for one session:
 * how many were asked, how many answered, and the result once enough have answered. Rows are
 * named "Level N: …" after the policy's levels: level 3 has no row of its own, so bare numbers
 * read as a list with an item missing.
 */
export function evaluationLevels(input: EvaluationLevelsInput): NonNullable<LeadReportView['levels']> {
  const { minimum } = input;
  const result = (answered: number, text: () => string) => (answered === 0 ? undefined : answered < minimum ? `withheld (fewer than ${minimum})` : text());
  const reported = input.gapTasks.filter((g) => g.status === 'reported');
  const answered = input.followUps.filter((f) => f.person !== undefined);
  const applied = answered.filter((f) => f.person?.applied !== 'not-yet').length;
  const reviewed = input.followUps.filter((f) => f.manager !== undefined);
  const longTerm = input.gapTasks.filter((g) => g.longTermImpact !== undefined);
  const rows: NonNullable<LeadReportView['levels']> = [
    { level: 'Level 1: Reaction', asked: input.attended, answered: input.responses, ...opt(result(input.responses, () => (input.qualityMean !== undefined ? `quality ${input.qualityMean.toFixed(1)} / 5` : 'answered'))) },
  ];
  if (input.gapTasks.length > 0) rows.push({ level: 'Level 2: Applied (gap task reports)', asked: input.gapTasks.length, answered: reported.length });
  if (input.followUps.length > 0) {
    rows.push({ level: 'Levels 2–3: Applied, impact on pupils (follow-up)', asked: input.followUps.length, answered: answered.length, ...opt(result(answered.length, () => `${applied} applied it in full or in part`)) });
    rows.push({ level: "Level 2: Line manager's view", asked: answered.length, answered: reviewed.length });
  }
  if (reported.length > 0) rows.push({ level: 'Level 4: Longer-term impact (senior leader)', asked: reported.length, answered: longTerm.length });
  return rows;
}

function opt(result: string | undefined): { result?: string } {
  return result === undefined ? {} : { result };
}
