import { stringify } from 'csv-stringify/sync';
import type { Answers } from '../domain';
import { groupBy } from '../reports/find-in';
import { buildLeadSessionReport } from '../reports/lead-session-report';
import type { ReportDeps } from '../reports/report-deps';
import type { Filter } from '../store/port';

const COLUMNS = [
  'session',
  'date',
  'category',
  'kind',
  'invited',
  'accepted',
  'attended',
  'responses',
  'response_rate',
  'ratings',
  'further_cpd_requests',
  'comment_themes',
  'withheld',
];

/** One row per session held (published or cancelled) for governors and trustees. */
export async function exportLeadReportCsv(deps: ReportDeps, tenantId: string, period?: { from: string; to: string }): Promise<string> {
  const { store } = deps;
  const tenant = (await store.tenants.get(tenantId, tenantId))?.value;
  if (!tenant) return stringify([], { header: true, columns: COLUMNS });
  const where: Filter = period ? { startsAt: { gte: period.from, lt: period.to } } : {};
  const sessions = (await store.sessions.find(tenantId, { where }))
    .map((v) => v.value)
    .filter((s) => s.status !== 'draft')
    .sort((a, b) => a.startsAt.localeCompare(b.startsAt) || a.id.localeCompare(b.id));
  const staff = (await store.staff.find(tenantId)).map((v) => v.value);
  const participations = groupBy((await store.participations.find(tenantId)).map((v) => v.value), (p) => p.sessionId);
  const questionnaires = (await store.questionnaires.find(tenantId, { where: { purpose: 'reaction' } })).map((v) => v.value);
  const questionnaireOf = new Map(questionnaires.map((q) => [q.sessionId, q]));
  // Answers only: the report never holds who gave them.
  const answersOf = new Map<string, Answers[]>();
  const add = (questionnaireId: string, answers: Answers) => {
    const list = answersOf.get(questionnaireId) ?? [];
    list.push(answers);
    answersOf.set(questionnaireId, list);
  };
  for (const r of await store.responses.find(tenantId)) add(r.value.questionnaireId, r.value.answers);
  for (const r of await store.anonymousResponses.find(tenantId)) add(r.value.questionnaireId, r.value.answers);

  const rows = sessions.map((session) => {
    const questionnaire = questionnaireOf.get(session.id);
    const report = buildLeadSessionReport({
      tenant,
      session,
      staff,
      participations: participations.get(session.id) ?? [],
      answers: questionnaire ? (answersOf.get(questionnaire.id) ?? []) : [],
      ...(questionnaire ? { questionnaire } : {}),
    });
    return [
      session.title + (session.status === 'cancelled' ? ' (cancelled)' : ''),
      session.startsAt.slice(0, 10),
      report.session.categoryLabel,
      report.session.kindLabel,
      report.invited,
      report.accepted,
      report.attended,
      report.responses,
      report.responseRate === undefined ? '' : `${Math.round(report.responseRate * 100)}%`,
      report.ratings.map((r) => `${r.questionId} ${r.mean?.toFixed(2) ?? '-'} (n=${r.count})`).join('; '),
      report.furtherCpdRequests,
      report.commentThemes.map((t) => `${t.theme} (${t.count})`).join('; '),
      report.withheld ?? '',
    ];
  });
  return stringify(rows, { header: true, columns: COLUMNS });
}
