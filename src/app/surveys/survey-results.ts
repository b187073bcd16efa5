import { LIKERT_CHOICES, isInAudience, isOpen, type Answers, type Audience, type Pathway, type Questionnaire, type Staff, type Tenant } from '../../domain';
import { formatInstant } from '../../cards/format';
import type { LikertSummary, SurveyResultsView } from '../../cards/views/survey-results';
import { commentThemes } from '../reports';
import { roundTo, textAnswers } from '../reports';
import { withheldText } from '../reports';

export interface SurveyResultsInput {
  tenant: Tenant;
  questionnaire: Questionnaire;
  /** The tenant's staff, to count who is asked. */
  staff: readonly Staff[];
  /**
   * Answers only, named and anonymous alike: the results never need to know who said what,
   * so no person id ever reaches this builder.
   */
  answers: readonly Answers[];
  now: Date;
}

const PATHWAY_LABELS: Record<Pathway, string> = {
  ect: 'ECT',
  'developing-teacher': 'Developing teacher',
  'developing-excellence': 'Developing excellence',
  'support-staff': 'Support staff',
  leadership: 'Leadership',
};

export function audienceText(audience: Audience | undefined, tenant: Pick<Tenant, 'kind' | 'schools'>): string {
  switch (audience?.kind) {
    case undefined:
      return 'Named staff';
    case 'trust':
      return tenant.kind === 'trust' ? 'Everyone in the trust' : 'Everyone in the school';
    case 'school':
      return tenant.schools.find((s) => s.id === audience.schoolId)?.name ?? audience.schoolId;
    case 'pathway':
      return `${PATHWAY_LABELS[audience.pathway]} pathway`;
    case 'department':
      return `${audience.department} department`;
    case 'staff':
      return `${audience.staffIds.length} named staff`;
  }
}

/** Counts of each Likert choice per statement, over bare answer sets. */
export function summariseLikert(questionnaire: Pick<Questionnaire, 'questions'>, answerSets: readonly Answers[]): LikertSummary[] {
  const order = LIKERT_CHOICES.map((c) => c.value as string);
  return questionnaire.questions
    .filter((q) => q.kind === 'likert')
    .map((q) => {
      const distribution: LikertSummary['distribution'] = [0, 0, 0, 0, 0];
      for (const answers of answerSets) {
        const at = order.indexOf(String(answers[q.id]));
        if (at >= 0) distribution[at]! += 1;
      }
      const count = distribution.reduce((a, b) => a + b, 0);
      return {
        questionId: q.id,
        prompt: q.prompt,
        ...(q.section ? { section: q.section } : {}),
        count,
        distribution,
        ...(count > 0 ? { agreeShare: roundTo((distribution[0] + distribution[1]) / count, 3) } : {}),
      };
    });
}

/**
 * A survey's results for the lead. Under the tenant's minimum number of responses nothing but
 * the counts is shown, named or anonymous: with receipts saying who answered, a handful of
 * answers could be read back to their authors, and an audit of leadership needs honest answers.
 */
export function buildSurveyResults(input: SurveyResultsInput): SurveyResultsView {
  const { tenant, questionnaire: q } = input;
  const zone = tenant.settings.timezone;
  const asked = q.audience
    ? input.staff.filter((s) => s.tenantId === tenant.id && isInAudience(q.audience!, s)).length
    : (q.recipientIds?.length ?? 0);
  const responses = input.answers.length;
  const minimum = tenant.settings.minAggregateCount;
  const withhold = responses < minimum;
  const closesAt = q.closedEarlyAt ?? q.closesAt;
  return {
    kind: 'survey-results',
    questionnaireId: q.id,
    title: q.title,
    audienceText: audienceText(q.audience, tenant),
    statusText: isOpen(q, input.now) ? `Open until ${formatInstant(closesAt, zone)}` : `Closed ${formatInstant(closesAt, zone)}`,
    anonymous: q.anonymous,
    asked,
    responses,
    ...(asked > 0 ? { responseRate: roundTo(Math.min(1, responses / asked), 3) } : {}),
    statements: withhold ? [] : summariseLikert(q, input.answers),
    commentThemes: withhold ? [] : commentThemes(textAnswers(q.questions, input.answers)),
    ...(withhold ? { withheld: withheldText(minimum) } : {}),
  };
}
