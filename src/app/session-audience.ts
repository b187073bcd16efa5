import type { Audience } from '../domain';
import type { AppDeps } from './deps';

export type AudienceResolution = { ok: true; audience: Audience } | { ok: false; error: string };

const listed = (items: string[]) => items.slice(0, 3).join(', ') + (items.length > 3 ? ` and ${items.length - 3} more` : '');

/**
 * A lead lists people by e-mail (or staff id); the session stores ids. Anyone not found, or no
 * longer active, is refused by name, so a typo never quietly leaves someone uninvited.
 */
export async function resolveNamedStaff(deps: AppDeps, tenantId: string, audience: Audience): Promise<AudienceResolution> {
  if (audience.kind !== 'staff') return { ok: true, audience };
  const ids: string[] = [];
  const unknown: string[] = [];
  for (const token of audience.staffIds) {
    const found = token.includes('@')
      ? (await deps.store.staff.find(tenantId, { where: { email: token.toLowerCase() }, limit: 1 }))[0]?.value
      : (await deps.store.staff.get(tenantId, token))?.value;
    if (found?.active) ids.push(found.id);
    else unknown.push(token.slice(0, 100));
  }
  if (unknown.length > 0) return { ok: false, error: `I can't find ${listed(unknown)} in the staff list.` };
  return { ok: true, audience: { kind: 'staff', staffIds: [...new Set(ids)] } };
}
