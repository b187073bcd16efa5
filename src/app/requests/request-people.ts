import { hasRole, type CpdRequest, type Staff, type Tenant } from '../../domain';
import type { AppDeps } from '../deps';

/** The person who books approved courses: the tenant's named booker, else its first active CPD lead. */
export async function bookerOf(deps: AppDeps, tenant: Tenant): Promise<Staff | undefined> {
  const named = tenant.settings.cpdRequests.bookerId;
  if (named) {
    const booker = (await deps.store.staff.get(tenant.id, named))?.value;
    if (booker?.active) return booker;
  }
  return firstLead(deps, tenant);
}

export async function firstLead(deps: AppDeps, tenant: Tenant): Promise<Staff | undefined> {
  const leads = await deps.store.staff.find(tenant.id, { where: { roles: { contains: 'cpd-lead' }, active: true } });
  return leads.map((l) => l.value).sort((a, b) => a.id.localeCompare(b.id))[0];
}

export type RequestViewer = 'requester' | 'approver' | 'booker' | 'lead';

/**
 * How a person may see a request, or undefined: they see nothing of it (privacy). Approvers see
 * only requests that reached them; the booker sees approved and later ones; the lead sees all, a
 * school's own CPD lead that school's.
 */
export function viewerOf(request: CpdRequest, viewer: Staff, bookerId: string | undefined, tenant?: Pick<Tenant, 'settings'>): RequestViewer | undefined {
  if (viewer.id === request.requesterId) return 'requester';
  if (request.steps.some((s) => s.approverId === viewer.id && s.reachedAt !== undefined)) return 'approver';
  if (viewer.id === bookerId && ['approved', 'booked', 'attended', 'evaluated', 'cancelled', 'not-attended'].includes(request.status)) return 'booker';
  if (hasRole(viewer, 'cpd-lead')) return 'lead';
  // A school's own CPD lead sees that school's requests as the trust's lead does (issue 26 item 5).
  if (request.schoolId && tenant?.settings.cpdRequests.cpdLeadBySchool[request.schoolId] === viewer.id) return 'lead';
  return undefined;
}

export async function namesOf(deps: AppDeps, tenantId: string, ids: readonly string[]): Promise<Map<string, string>> {
  const unique = [...new Set(ids)];
  const people = await Promise.all(unique.map((id) => deps.store.staff.get(tenantId, id)));
  return new Map(unique.map((id, i) => [id, people[i]?.value.name ?? 'someone']));
}
