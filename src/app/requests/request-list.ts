import { costPence, currentStep, formatPence, hasRole, schoolsLedBy, STATUS_LABELS, type CpdRequest } from '../../domain';
import type { CpdRequestListView } from '../../cards/views/cpd-request';
import type { Actor } from '../people';
import type { AppDeps } from '../deps';
import { namesOf } from './request-people';

const MAX_ROWS = 30;

/**
 * `requests`: a member of staff sees their own; an approver also sees those waiting for them;
 * the CPD lead sees all (`requests all`, or filtered by a status word such as `requests approved`),
 * a school's own CPD lead their school's.
 */
export async function listCpdRequests(deps: AppDeps, actor: Actor, argument: string): Promise<CpdRequestListView> {
  const tenantId = actor.tenant.id;
  const me = actor.staff.id;
  const trustLead = hasRole(actor.staff, 'cpd-lead');
  // A school's own CPD lead (issue 26 item 5) sees that school's requests; the trust's lead all of them.
  const ledSchools = trustLead ? undefined : new Set(schoolsLedBy(actor.tenant.settings.cpdRequests, me));
  const isLead = trustLead || (ledSchools?.size ?? 0) > 0;
  const inScope = (r: CpdRequest) => ledSchools === undefined || (r.schoolId !== undefined && ledSchools.has(r.schoolId));
  const filter = argument.trim().toLowerCase();
  let requests: CpdRequest[];
  let title: string;
  if (isLead && filter) {
    // Newest first, a page at a time, stopping once the list is full: every request ever made is not read.
    const matches = (r: CpdRequest) => filter === 'all' || r.status === filter || STATUS_LABELS[r.status].toLowerCase().includes(filter);
    requests = [];
    for await (const { value } of deps.store.cpdRequests.iterate(tenantId, { orderBy: { field: 'createdAt', direction: 'desc' } }, { pageSize: MAX_ROWS })) {
      if (!matches(value) || !inScope(value)) continue;
      requests.push(value);
      if (requests.length === MAX_ROWS) break;
    }
    const schoolNames = ledSchools ? actor.tenant.schools.filter((sc) => ledSchools.has(sc.id)).map((sc) => sc.name) : [];
    const scope = schoolNames.length > 0 ? ` (${schoolNames.join(', ')})` : '';
    title = filter === 'all' ? `All CPD requests${scope}` : `CPD requests${scope}: ${filter}`;
  } else {
    const [mine, open] = await Promise.all([
      deps.store.cpdRequests.find(tenantId, { where: { requesterId: me } }),
      deps.store.cpdRequests.find(tenantId, { where: { status: 'submitted' } }),
    ]);
    const waiting = open.map((r) => r.value).filter((r) => currentStep(r)?.approverId === me);
    requests = [...waiting, ...mine.map((r) => r.value)];
    title = waiting.length > 0 ? 'CPD requests: waiting for you, and your own' : 'Your CPD requests';
  }
  requests.sort((a, b) => b.createdAt.localeCompare(a.createdAt));
  const shown = requests.slice(0, MAX_ROWS);
  const names = await namesOf(deps, tenantId, shown.map((r) => r.requesterId));
  return {
    kind: 'cpd-request-list',
    title,
    rows: shown.map((r) => ({
      requestId: r.id,
      courseTitle: r.details.courseTitle,
      requesterName: names.get(r.requesterId) ?? 'someone',
      statusText: STATUS_LABELS[r.status],
      costText: formatPence(costPence(r)),
      waitingForYou: currentStep(r)?.approverId === me,
    })),
    emptyText: isLead && !filter ? 'No requests of yours. Say "requests all" for everyone\'s.' : 'No CPD requests yet. Say "request cpd" to ask for a course.',
    canRequest: true,
  };
}
