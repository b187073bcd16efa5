import type { Answers } from '../domain';
import { findWhereIn } from './find-in';
import { schoolYear } from './load-programme-report';
import { buildReportPage, type ReportPageView } from './report-page';
import type { ReportDeps, ReportResult } from './report-deps';

/**
 * The lead's report page for the school year containing `now`. Reads the year once (sessions,
 * their participations, questionnaires, answers and gap tasks) and builds every session's report
 * from it, rather than one store round trip per session.
 */
export async function loadReportPage(deps: ReportDeps, tenantId: string, now: Date): Promise<ReportResult<ReportPageView>> {
  const { store } = deps;
  const tenant = (await store.tenants.get(tenantId, tenantId))?.value;
  if (!tenant) return { ok: false, message: 'This school is not set up yet.' };
  const { from, to } = schoolYear(now, tenant.settings.timezone);
  const sessions = (await store.sessions.find(tenantId, { where: { startsAt: { gte: from, lt: to } } })).map((v) => v.value);
  const ids = sessions.map((s) => s.id);
  const [staff, participations, allQuestionnaires, gapTasks] = await Promise.all([
    store.staff.find(tenantId).then((rows) => rows.map((v) => v.value)),
    findWhereIn(store.participations, tenantId, 'sessionId', ids),
    findWhereIn(store.questionnaires, tenantId, 'sessionId', ids),
    findWhereIn(store.gapTasks, tenantId, 'sessionId', ids),
  ]);
  const questionnaires = allQuestionnaires.filter((q) => q.purpose === 'reaction');
  const qIds = questionnaires.map((q) => q.id);
  const sessionOf = new Map(questionnaires.map((q) => [q.id, q.sessionId!]));
  const [named, anonymous] = await Promise.all([findWhereIn(store.responses, tenantId, 'questionnaireId', qIds), findWhereIn(store.anonymousResponses, tenantId, 'questionnaireId', qIds)]);
  const answersBySession = new Map<string, Answers[]>();
  const responsesBySession = new Map<string, number>();
  // Answers only from here on: nothing below needs to know who gave them.
  for (const r of [...named, ...anonymous]) {
    const sid = sessionOf.get(r.questionnaireId)!;
    const list = answersBySession.get(sid) ?? [];
    list.push(r.answers);
    answersBySession.set(sid, list);
    responsesBySession.set(sid, list.length);
  }
  const ratingQuestions = [...new Map(questionnaires.flatMap((q) => q.questions.filter((x) => x.kind === 'rating').map((x) => [x.id, x] as const))).values()];
  return {
    ok: true,
    value: buildReportPage({
      tenant,
      from,
      to,
      now,
      sessions,
      participations,
      responsesBySession,
      ratingQuestions,
      answers: [...answersBySession.values()].flat(),
      gapTasks,
      staff,
      questionnaires,
      answersBySession,
    }),
  };
}
