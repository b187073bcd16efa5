import type { Answers, Question } from '../../domain';
import type { RatingSummary } from '../../cards/views/lead-report';

/**
 * Rating summaries over answer sets. Callers pass bare `Answers` (named and anonymous alike),
 * so nothing here ever holds a person id next to an answer.
 */
export function summariseRatings(questions: readonly Question[], answerSets: readonly Answers[]): RatingSummary[] {
  return questions
    .filter((q) => q.kind === 'rating')
    .map((q) => {
      const distribution: RatingSummary['distribution'] = [0, 0, 0, 0, 0];
      let sum = 0;
      let count = 0;
      for (const answers of answerSets) {
        const value = answers[q.id];
        if (typeof value !== 'number' || value < 1 || value > 5) continue;
        distribution[value - 1]! += 1;
        sum += value;
        count += 1;
      }
      return {
        questionId: q.id,
        prompt: q.prompt,
        count,
        ...(count > 0 ? { mean: roundTo(sum / count, 2) } : {}),
        distribution,
      };
    });
}

export function roundTo(value: number, places: number): number {
  const f = 10 ** places;
  return Math.round(value * f) / f;
}

/** Yes answers to the "further CPD" question (any yes-no question with that id, or named so). */
export function countFurtherCpdRequests(questions: readonly Question[], answerSets: readonly Answers[]): number {
  const ids = questions.filter((q) => q.kind === 'yes-no' && q.id.startsWith('further_cpd')).map((q) => q.id);
  return answerSets.filter((a) => ids.some((id) => a[id] === true)).length;
}

/** Free-text answers, in order, for comment themes. */
export function textAnswers(questions: readonly Question[], answerSets: readonly Answers[]): string[] {
  const ids = questions.filter((q) => q.kind === 'text').map((q) => q.id);
  return answerSets.flatMap((a) => ids.flatMap((id) => (typeof a[id] === 'string' ? [a[id] as string] : [])));
}

/** "Quality 4.2 / 5, impact 3.8 / 5" from rating summaries, using each question's id as a short name. */
export function ratingMeansText(ratings: readonly RatingSummary[]): string {
  return ratings
    .filter((r) => r.mean !== undefined)
    .map((r, i) => {
      const name = r.questionId.replace(/_/g, ' ');
      return `${i === 0 ? name.charAt(0).toUpperCase() + name.slice(1) : name} ${r.mean!.toFixed(1)} / 5`;
    })
    .join(', ');
}
