import type { Writable } from 'node:stream';
import type { Answers, Session, Staff, Tenant } from '../domain';
import { findWhereIn, groupBy } from '../store/find-in';
import { buildLeadSessionReport } from '../app/reports';
import type { ReportDeps } from '../app/reports';
import { DEFAULT_PAGE_SIZE, type Filter } from '../store/port';
import type { Store } from '../store/store';
import { chunksOf, textSink, writeCsv, type CsvCell } from './csv-stream';

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

export interface LeadReportCsvOptions {
  /** Sessions starting in [from, to) only. */
  period?: { from: string; to: string };
  /** Sessions per page: each page's participations and answers are read, written and let go before the next. Default 500. */
  pageSize?: number;
}

/** The ids of the sessions held (published or cancelled) in the report's order (date, then id), paged through: only the sort keys are held. */
async function heldSessionIds(store: Store, tenantId: string, where: Filter, pageSize: number): Promise<string[]> {
  const keys: { id: string; startsAt: string }[] = [];
  for await (const { value: s } of store.sessions.iterate(tenantId, { where }, { pageSize })) {
    if (s.status !== 'draft') keys.push({ id: s.id, startsAt: s.startsAt });
  }
  return keys.sort((a, b) => a.startsAt.localeCompare(b.startsAt) || a.id.localeCompare(b.id)).map((k) => k.id);
}

/** One page of sessions (in the order given) as CSV rows, from their participations and reaction answers. */
async function rowsOf(store: Store, tenant: Tenant, sessions: Session[], audience: () => Promise<Staff[]>): Promise<CsvCell[][]> {
  const tenantId = tenant.id;
  const ids = sessions.map((s) => s.id);
  const participations = groupBy(await findWhereIn(store.participations, tenantId, 'sessionId', ids), (p) => p.sessionId);
  const questionnaires = await findWhereIn(store.questionnaires, tenantId, 'sessionId', ids, { purpose: 'reaction' });
  const questionnaireOf = new Map(questionnaires.map((q) => [q.sessionId, q]));
  const qIds = questionnaires.map((q) => q.id);
  // Answers only: the report never holds who gave them.
  const answersOf = new Map<string, Answers[]>();
  const add = (questionnaireId: string, answers: Answers) => {
    const list = answersOf.get(questionnaireId) ?? [];
    list.push(answers);
    answersOf.set(questionnaireId, list);
  };
  for (const r of await findWhereIn(store.responses, tenantId, 'questionnaireId', qIds)) add(r.questionnaireId, r.answers);
  for (const r of await findWhereIn(store.anonymousResponses, tenantId, 'questionnaireId', qIds)) add(r.questionnaireId, r.answers);
  // Today's audience counts as invited only for sessions from before invitations were recorded.
  const unrecorded = sessions.some((s) => !(participations.get(s.id) ?? []).some((p) => p.invitedAt !== undefined));
  const staff = unrecorded ? await audience() : [];

  return sessions.map((session) => {
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
}

/**
 * One row per session held (published or cancelled) for governors and trustees, as CSV into
 * `sink`. Sessions are taken a page at a time in date order, and each page's participations,
 * questionnaires and answers are read and written before the next page's: years of answers
 * never sit in memory. The active staff are read (once) only for sessions from before
 * invitations were recorded, whose invited count is today's audience.
 */
export async function writeLeadReportCsv(deps: ReportDeps, tenantId: string, sink: Writable, options: LeadReportCsvOptions = {}): Promise<void> {
  const { store } = deps;
  const pageSize = options.pageSize ?? DEFAULT_PAGE_SIZE;
  const tenant = (await store.tenants.get(tenantId, tenantId))?.value;
  let active: Promise<Staff[]> | undefined;
  const audience = () => (active ??= store.staff.find(tenantId, { where: { active: true } }).then((rows) => rows.map((v) => v.value)));
  async function* rows(): AsyncIterable<CsvCell[]> {
    if (!tenant) return;
    const where: Filter = options.period ? { startsAt: { gte: options.period.from, lt: options.period.to } } : {};
    for (const ids of chunksOf(await heldSessionIds(store, tenantId, where, pageSize), pageSize)) {
      const byId = new Map((await findWhereIn(store.sessions, tenantId, 'id', ids)).map((s) => [s.id, s]));
      yield* await rowsOf(store, tenant, ids.flatMap((id) => byId.get(id) ?? []), audience);
    }
  }
  await writeCsv(sink, COLUMNS, rows());
}

/** The same CSV as text: printing, and tests. */
export async function exportLeadReportCsv(deps: ReportDeps, tenantId: string, period?: { from: string; to: string }): Promise<string> {
  const out = textSink();
  await writeLeadReportCsv(deps, tenantId, out.sink, period ? { period } : {});
  return out.text();
}
