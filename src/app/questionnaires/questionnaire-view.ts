import { LIKERT_CHOICES, isOpen, receiptId, type Question, type Questionnaire, type Tenant } from '../../domain';
import { formatInstant } from '../../cards/format';
import type { QuestionnaireView } from '../../cards/views/questionnaire';
import type { ThankYouView } from '../../cards/views/thank-you';
import type { AppDeps } from '../deps';

export async function hasAnswered(deps: AppDeps, q: Questionnaire, staffId: string): Promise<boolean> {
  return (await deps.store.receipts.get(q.tenantId, receiptId(q.id, staffId))) !== undefined;
}

export async function sessionTitleOf(deps: AppDeps, q: Questionnaire): Promise<string | undefined> {
  if (!q.sessionId) return undefined;
  return (await deps.store.sessions.get(q.tenantId, q.sessionId))?.value.title;
}

/** The questionnaire as this person should see it now: open, answered or closed. */
export async function buildQuestionnaireView(
  deps: AppDeps,
  tenant: Tenant,
  q: Questionnaire,
  staffId: string,
  extra: Partial<Pick<QuestionnaireView, 'values' | 'errors' | 'notice' | 'isReminder'>> = {},
): Promise<QuestionnaireView> {
  const answered = await hasAnswered(deps, q, staffId);
  const state = answered ? 'answered' : isOpen(q, deps.clock.now()) ? 'open' : 'closed';
  const sessionTitle = await sessionTitleOf(deps, q);
  return {
    kind: 'questionnaire',
    questionnaireId: q.id,
    ...(q.sessionId ? { sessionId: q.sessionId } : {}),
    title: q.title,
    ...(sessionTitle ? { sessionTitle } : {}),
    anonymous: q.anonymous,
    questions: q.questions,
    closesText: `Closes ${formatInstant(q.closedEarlyAt ?? q.closesAt, tenant.settings.timezone)}`,
    state,
    ...extra,
    ...(state === 'closed' && !extra.notice ? { notice: { tone: 'info', text: 'This questionnaire has closed.' } } : {}),
  };
}

export function thankYouView(q: Questionnaire, answers?: Record<string, unknown>): ThankYouView {
  const summary =
    !q.anonymous && answers
      ? q.questions.flatMap((question) => {
          const value = answers[question.id];
          if (value === undefined) return [];
          return [{ label: question.prompt, value: answerText(question, value) }];
        })
      : undefined;
  return {
    kind: 'thank-you',
    title: 'Thank you',
    text: q.anonymous
      ? 'Your answers have been recorded anonymously: they are not linked to your name.'
      : 'Your answers have been recorded. They help us plan the CPD that makes a difference.',
    ...(summary && summary.length > 0 ? { summary } : {}),
  };
}

/** A stored answer in the words the person chose from ("Strongly agree", not "strongly-agree"). */
function answerText(question: Question, value: unknown): string {
  const labelOf = (v: unknown): string => {
    const choices: readonly { value: string; label: string }[] =
      question.kind === 'likert' ? LIKERT_CHOICES : question.kind === 'single' || question.kind === 'multi' ? question.choices : [];
    return choices.find((c) => c.value === v)?.label ?? String(v);
  };
  if (Array.isArray(value)) return value.map(labelOf).join(', ');
  if (typeof value === 'boolean') return value ? 'Yes' : 'No';
  return labelOf(value);
}
