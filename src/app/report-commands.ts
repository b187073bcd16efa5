import type { CardView } from '../cards/views';
import { loadLeadSessionReport } from '../reports/load-lead-session-report';
import { loadManagerDigest } from '../reports/load-manager-digest';
import { loadMyRecord } from '../reports/load-my-record';
import type { ReportResult } from '../reports/report-deps';
import type { Actor } from './actor';
import type { AppDeps } from './deps';
import { notice } from './notice';

function shown<T extends CardView>(result: ReportResult<T>): CardView {
  return result.ok ? result.value : notice('attention', result.message);
}

/** The person's own record, with a certificate link for each session they attended and a CSV download, when links are on. */
export async function myRecord(deps: AppDeps, actor: Actor): Promise<CardView> {
  const record = await loadMyRecord(deps, actor.tenant.id, actor.staff.id, deps.clock.now());
  const { links } = deps;
  if (!record.ok || !links) return shown(record);
  const rows = record.value.rows.map((row) => ({ ...row, certificateUrl: links.certificateUrl(actor.tenant.id, row.sessionId, actor.staff.id) }));
  return { ...record.value, rows, exportUrl: links.myRecordUrl(actor.tenant.id, actor.staff.id) };
}

/** A line manager's digest on demand: only their own direct reports (the loader filters by lineManagerId). */
export async function myTeamDigest(deps: AppDeps, actor: Actor): Promise<CardView> {
  return shown(await loadManagerDigest(deps, actor.tenant.id, actor.staff.id, deps.clock.now()));
}

/** `report <title>`: the most recent session whose title contains the words given. */
export async function sessionReport(deps: AppDeps, actor: Actor, titleQuery: string): Promise<CardView> {
  const wanted = titleQuery.trim().toLowerCase();
  if (!wanted) return notice('info', 'Say which session, e.g. "report retrieval practice".');
  const sessions = await deps.store.sessions.find(actor.tenant.id, {
    where: { startsAt: { lte: deps.clock.now().toISOString() } },
    orderBy: { field: 'startsAt', direction: 'desc' },
    limit: 500,
  });
  const match = sessions.find((s) => s.value.title.toLowerCase().includes(wanted));
  if (!match) return notice('info', `I couldn't find a past session called "${titleQuery.trim().slice(0, 100)}".`);
  return shown(await loadLeadSessionReport(deps, actor.tenant.id, match.value.id, 'lead'));
}
