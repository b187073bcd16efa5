import type { Audience } from '../../domain';
import { findWhereIn } from '../../store/find-in';
import type { AppDeps } from '../deps';

export type AudienceResolution = { ok: true; audience: Audience } | { ok: false; error: string };

const listed = (items: string[]) => items.slice(0, 3).join(', ') + (items.length > 3 ? ` and ${items.length - 3} more` : '');

/**
 * A lead lists people by e-mail (or staff id); the session stores ids. Anyone not found, or no
 * longer active, is refused by name, so a typo never quietly leaves someone uninvited.
 */
export async function resolveNamedStaff(deps: AppDeps, tenantId: string, audience: Audience): Promise<AudienceResolution> {
  if (audience.kind !== 'staff') return { ok: true, audience };
  // Two look-ups for the whole list, not one per person typed.
  const emails = audience.staffIds.filter((t) => t.includes('@')).map((t) => t.toLowerCase());
  const [byEmail, byId] = await Promise.all([
    findWhereIn(deps.store.staff, tenantId, 'email', emails),
    findWhereIn(deps.store.staff, tenantId, 'id', audience.staffIds.filter((t) => !t.includes('@'))),
  ]);
  const ids: string[] = [];
  const unknown: string[] = [];
  for (const token of audience.staffIds) {
    const found = token.includes('@') ? byEmail.find((s) => s.email === token.toLowerCase()) : byId.find((s) => s.id === token);
    if (found?.active) ids.push(found.id);
    else unknown.push(token.slice(0, 100));
  }
  if (unknown.length > 0) return { ok: false, error: `I can't find ${listed(unknown)} in the staff list.` };
  return { ok: true, audience: { kind: 'staff', staffIds: [...new Set(ids)] } };
}
