/** One Likert statement's answers. */
export interface LikertSummary {
  questionId: string;
  prompt: string;
  /** The area heading the statement sits under (docs/surveys.md). */
  section?: string;
  count: number;
  /** Counts in LIKERT_CHOICES order: strongly agree, agree, disagree, strongly disagree, don't know. */
  distribution: [number, number, number, number, number];
  /** Strongly agree + agree, as a share of all answers to the statement. */
  agreeShare?: number;
}

export interface SurveyResultsView {
  kind: 'survey-results';
  questionnaireId: string;
  title: string;
  audienceText: string;
  /** e.g. "Open until Friday 4 December at 23:59" or "Closed Friday 4 December at 23:59". */
  statusText: string;
  anonymous: boolean;
  /** Active staff in the audience now. */
  asked: number;
  responses: number;
  responseRate?: number;
  statements: LikertSummary[];
  commentThemes: { theme: string; count: number; examples: string[] }[];
  /** Set instead of any figure when there are fewer responses than the tenant's minimum. */
  withheld?: string;
}
