import { LIKERT_CHOICES } from '../../domain';
import type { LikertSummary, SurveyResultsView } from '../views/survey-results';

/** The words both platforms use for survey results, so Teams and Slack say the same thing. */

/** "Strongly agree 3 · Agree 5 · Disagree 1 · Strongly disagree 0 · Don't know 1" */
export function likertCountsText(s: LikertSummary): string {
  return s.distribution.map((n, i) => `${LIKERT_CHOICES[i]!.label} ${n}`).join(' · ');
}

/** "80% agree (of 10)" or "no answers" */
export function agreeText(s: LikertSummary): string {
  return s.agreeShare === undefined ? 'no answers' : `${Math.round(s.agreeShare * 100)}% agree (of ${s.count})`;
}

export function responsesText(view: Pick<SurveyResultsView, 'responses' | 'asked' | 'responseRate'>): string {
  const rate = view.responseRate === undefined ? '' : ` (${Math.round(view.responseRate * 100)}%)`;
  return `${view.responses} of ${view.asked}${rate}`;
}

/** Statements grouped under their area headings, in the survey's order. */
export function bySection(statements: readonly LikertSummary[]): { section?: string; statements: LikertSummary[] }[] {
  const groups: { section?: string; statements: LikertSummary[] }[] = [];
  for (const s of statements) {
    const last = groups.at(-1);
    if (last && last.section === s.section) last.statements.push(s);
    else groups.push({ ...(s.section ? { section: s.section } : {}), statements: [s] });
  }
  return groups;
}
