import { DateTime } from 'luxon';
import { deterministicId } from './ids';
import type { Questionnaire, QuestionnaireTemplate } from './questionnaire';
import type { Session } from './session';
import type { Tenant } from './tenant';

/** One id per session: whoever writes a session's reaction questionnaire (planner, seed, import) writes this one. */
export function reactionQuestionnaireId(sessionId: string): string {
  return deterministicId('qn', sessionId);
}

/** A session's reaction questionnaire, stored under another id by older data: found by its session. */
export function findReactionQuestionnaire(questionnaires: readonly Questionnaire[], sessionId: string): Questionnaire | undefined {
  const id = reactionQuestionnaireId(sessionId);
  return (
    questionnaires.find((q) => q.id === id) ?? questionnaires.find((q) => q.purpose === 'reaction' && q.sessionId === sessionId)
  );
}

/** A new reaction questionnaire: opens when the session ends, closes after the tenant's number of days. */
export function newReactionQuestionnaire(
  tenant: Pick<Tenant, 'tenantId' | 'settings'>,
  session: Pick<Session, 'id' | 'title' | 'endsAt'>,
  template: QuestionnaireTemplate,
): Questionnaire {
  const closesAt = DateTime.fromISO(session.endsAt, { zone: tenant.settings.timezone }).plus({
    days: tenant.settings.questionnaireClosesAfterDays,
  });
  return {
    tenantId: tenant.tenantId,
    id: reactionQuestionnaireId(session.id),
    title: `Reaction: ${session.title}`.slice(0, 200),
    purpose: 'reaction',
    sessionId: session.id,
    templateId: template.id,
    anonymous: template.anonymous,
    questions: template.questions,
    opensAt: session.endsAt,
    closesAt: closesAt.toUTC().toISO()!,
  };
}
