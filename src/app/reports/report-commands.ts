import type { CardView } from '../../cards/views';
import { hasRole } from '../../domain';
import { loadLeadSessionReport } from './load-lead-session-report';
import { loadMyRecord } from '../records';
import type { ReportResult } from './report-deps';
import type { Actor } from '../people';
import type { AppDeps } from '../deps';
import { findSessionByTitle, upcomingSessions } from '../sessions';
import { notice } from '../notice';
import { openQuestionnairesFor } from '../questionnaires';
import { withReportLinks } from './report-links';

function shown<T extends CardView>(result: ReportResult<T>): CardView {
  return result.ok ? result.value : notice('attention', result.message);
}

/** The person's own record, with a certificate link for each session they attended and a CSV download, when links are on. */
export async function myRecord(deps: AppDeps, actor: Actor): Promise<CardView> {
  const record = await loadMyRecord(deps, actor.tenant.id, actor.staff.id, deps.clock.now());
  const { links } = deps;
  if (!record.ok) return shown(record);
  // A missed questionnaire can be found here, not only in an old message.
  const questionnaires = await openQuestionnairesFor(deps, actor);
  // What is coming up is what `sessions` lists (compulsory ones not yet answered too): one query for both.
  const upcoming = await upcomingSessions(deps, actor);
  const withQuestionnaires = { ...record.value, upcoming, ...(questionnaires.length > 0 ? { openQuestionnaires: questionnaires } : {}) };
  if (!links) return withQuestionnaires;
  const rows = record.value.rows.map((row) => ({ ...row, ...(row.sessionId ? { certificateUrl: links.certificateUrl(actor.tenant.id, row.sessionId, actor.staff.id) } : {}) }));
  const exportUrl = links.myRecordUrl(actor.tenant.id, actor.staff.id);
  return { ...withQuestionnaires, rows, exportUrl, printUrl: `${exportUrl}&format=html` };
}

/**
 * `report <title>`: the most recent past session whose title holds the words given. A lead sees
 * any session's report; a facilitator only their own sessions', under the minimum-count rule
 * (docs/privacy.md).
 */
export async function sessionReport(deps: AppDeps, actor: Actor, titleQuery: string): Promise<CardView> {
  const wanted = titleQuery.trim();
  if (!wanted) return notice('info', 'Say which session, e.g. "report retrieval practice".');
  const found = await findSessionByTitle(deps, actor, wanted, { kind: 'held-by', latestStart: deps.clock.now() });
  if (!found.ok) {
    return found.reason === 'not-yours'
      ? notice('attention', `Facilitators can see the reports of their own sessions only, and you don't run "${wanted.slice(0, 100)}".`)
      : notice('info', `I couldn't find a past session called "${wanted.slice(0, 100)}".`);
  }
  const viewer = hasRole(actor.staff, 'cpd-lead') ? 'lead' : 'facilitator';
  const report = await loadLeadSessionReport(deps, actor.tenant.id, found.session.id, viewer);
  // The full report page is the whole programme: the lead's, not a facilitator's.
  return report.ok ? withReportLinks(deps.links, actor.tenant.id, actor.staff.id, report.value, { fullReport: viewer === 'lead' }) : shown(report);
}
