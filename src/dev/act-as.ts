import type { Actor } from '../app/people';
import type { AppDeps } from '../app/deps';

/** What the page puts in `from` so the bot's own identity look-up finds the chosen person. */
export interface DevTeamsIdentity {
  userId: string;
  aadObjectId: string;
  name: string;
}

export type ActAsResult = { ok: true; actor: Actor; identity: DevTeamsIdentity } | { ok: false; status: number; message: string };

/**
 * Dev only: an invoke carries no e-mail, so the person is linked to a made-up Entra object id
 * (`dev-aad-<staffId>`) that the page then sends as `from.aadObjectId`. A person already linked
 * to a real Teams account keeps that link; the page sends their real id instead.
 */
export async function actAsStaff(deps: AppDeps, tenantId: string, staffId: string): Promise<ActAsResult> {
  const tenant = (await deps.store.tenants.get(tenantId, tenantId))?.value;
  if (!tenant) return { ok: false, status: 404, message: `Tenant "${tenantId}" has no data yet.` };
  const found = await deps.store.staff.get(tenantId, staffId);
  if (!found) return { ok: false, status: 404, message: `No staff member "${staffId}" in tenant "${tenantId}".` };
  if (!found.value.active) return { ok: false, status: 409, message: `${found.value.name} is marked inactive, so the bot would not answer them.` };
  let staff = found.value;
  if (!staff.teams) {
    staff = { ...staff, teams: { aadObjectId: `dev-aad-${staff.id}`, userId: `29:dev-${staff.id}` } };
    const written = await deps.store.staff.put(staff, { ifVersion: found.version });
    if (!written.ok) return { ok: false, status: 409, message: 'Someone changed this person just now; try again.' };
  }
  const teams = staff.teams!;
  return {
    ok: true,
    actor: { tenant, staff },
    identity: { aadObjectId: teams.aadObjectId, userId: teams.userId ?? `29:dev-${staff.id}`, name: staff.name },
  };
}
