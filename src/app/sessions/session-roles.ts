import { hasRole, type Session } from '../../domain';
import type { Actor } from '../people';
import type { AppDeps } from '../deps';

/** A CPD lead runs every session; a facilitator only the sessions that name them. */
export function mayRunSession(actor: Actor, session: Session): boolean {
  return hasRole(actor.staff, 'cpd-lead') || (session.tenantId === actor.tenant.id && session.facilitatorIds.includes(actor.staff.id));
}

/** Leads, and anyone named as a session's facilitator: who gets the register and report commands. */
export async function runsSessions(deps: AppDeps, actor: Actor): Promise<boolean> {
  if (hasRole(actor.staff, 'cpd-lead')) return true;
  const facilitated = await deps.store.sessions.find(actor.tenant.id, { where: { facilitatorIds: { contains: actor.staff.id } }, limit: 1 });
  return facilitated.length > 0;
}
