import type { Session } from '../../domain';
import type { AppDeps } from '../deps';

/** The names of a session's facilitators on the staff list (someone since removed is left out). */
export async function facilitatorNames(deps: AppDeps, session: Session): Promise<string[]> {
  const found = await Promise.all(session.facilitatorIds.map((id) => deps.store.staff.get(session.tenantId, id)));
  return found.flatMap((f) => (f ? [f.value.name] : []));
}
