import type { Answers, Question, Questionnaire } from '../../domain';
import type { Store } from '../../store/store';
import { findWhereIn } from '../../store/find-in';

export interface SessionAnswers {
  /** The sessions' reaction questionnaires. */
  questionnaires: Questionnaire[];
  /** Answers only, named and anonymous together: nothing that reads them needs to know who gave them. */
  answersBySession: Map<string, Answers[]>;
  responsesBySession: Map<string, number>;
  /** Every rating question asked, once each. */
  ratingQuestions: Question[];
}

/** The reaction answers to a set of sessions, read once for all of them (the year's reports). */
export async function loadSessionAnswers(store: Store, tenantId: string, sessionIds: readonly string[]): Promise<SessionAnswers> {
  const questionnaires = (await findWhereIn(store.questionnaires, tenantId, 'sessionId', sessionIds)).filter((q) => q.purpose === 'reaction');
  const qIds = questionnaires.map((q) => q.id);
  const sessionOf = new Map(questionnaires.map((q) => [q.id, q.sessionId!]));
  const [named, anonymous] = await Promise.all([findWhereIn(store.responses, tenantId, 'questionnaireId', qIds), findWhereIn(store.anonymousResponses, tenantId, 'questionnaireId', qIds)]);
  const answersBySession = new Map<string, Answers[]>();
  const responsesBySession = new Map<string, number>();
  for (const r of [...named, ...anonymous]) {
    const sid = sessionOf.get(r.questionnaireId)!;
    const list = answersBySession.get(sid) ?? [];
    list.push(r.answers);
    answersBySession.set(sid, list);
    responsesBySession.set(sid, list.length);
  }
  return { questionnaires, answersBySession, responsesBySession, ratingQuestions: ratingQuestionsOf(questionnaires) };
}

/** Every rating question the questionnaires ask, once each. */
export function ratingQuestionsOf(questionnaires: readonly Questionnaire[]): Question[] {
  return [...new Map(questionnaires.flatMap((q) => q.questions.filter((x) => x.kind === 'rating').map((x) => [x.id, x] as const))).values()];
}
