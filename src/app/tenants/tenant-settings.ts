import { z } from 'zod';
import type { Tenant } from '../../domain';
import type { Store } from '../../store/store';
import { updateWithRetry } from '../../store/update';

export type TenantChange = { ok: true; tenant: Tenant; changed: boolean } | { ok: false; message: string };

const SLACK_TEAM_ID = z.string().regex(/^T[A-Z0-9]{2,20}$/, 'a Slack workspace id starts with T, e.g. T0123ABCD (in the workspace URL, or from auth.test)');
const AAD_TENANT_ID = z.guid('a Microsoft Entra tenant id is a GUID, e.g. 72f988bf-86f1-41af-91ab-2d7cd011db47 (Entra admin centre → Overview)');

/**
 * Links a Slack workspace or a Microsoft 365 (Entra) tenant to this tenant, so people arriving
 * from it are this school's. One platform tenant belongs to one tenant: a link held by another
 * tenant is refused, not moved. (Kept in one function so a later mapping document replaces only this.)
 */
export async function linkPlatformTenant(deps: { store: Store }, tenantId: string, platform: 'slack' | 'teams', platformId: string, options: { also?: boolean } = {}): Promise<TenantChange> {
  const parsed = (platform === 'slack' ? SLACK_TEAM_ID : AAD_TENANT_ID).safeParse(platformId.trim());
  if (!parsed.success) return { ok: false, message: `"${platformId}" is not right: ${parsed.error.issues[0]!.message}.` };
  const id = platform === 'teams' ? parsed.data.toLowerCase() : parsed.data;
  const field = platform === 'slack' ? 'slackTeamId' : 'teamsTenantId';
  const holders = await deps.store.tenants.findAcrossTenants({ where: { [field]: id } });
  const other = holders.find((h) => h.value.id !== tenantId);
  if (other) return { ok: false, message: `${id} is already linked to tenant "${other.value.id}" (${other.value.name}); unlink it there first.` };
  if (platform === 'slack' && options.also) return addSlackWorkspace(deps, tenantId, id);
  const updated = await updateWithRetry(deps.store.tenants, tenantId, tenantId, (t) => (t[field] === id ? undefined : { ...t, [field]: id }));
  if (!updated.ok) return { ok: false, message: updated.reason === 'absent' ? `There is no tenant "${tenantId}".` : 'The tenant changed meanwhile; try again.' };
  return { ok: true, tenant: updated.value, changed: updated.changed };
}

/** A trust across Slack workspaces: one more workspace for the same tenant (beside `slackTeamId`). */
async function addSlackWorkspace(deps: { store: Store }, tenantId: string, teamId: string): Promise<TenantChange> {
  const elsewhere = (await deps.store.tenants.findAcrossTenants({ limit: 1000 })).find((t) => t.value.id !== tenantId && t.value.slackTeamIds?.includes(teamId));
  if (elsewhere) return { ok: false, message: `${teamId} is already linked to tenant "${elsewhere.value.id}" (${elsewhere.value.name}); unlink it there first.` };
  const updated = await updateWithRetry(deps.store.tenants, tenantId, tenantId, (t) =>
    t.slackTeamId === teamId || t.slackTeamIds?.includes(teamId) ? undefined : t.slackTeamId ? { ...t, slackTeamIds: [...(t.slackTeamIds ?? []), teamId] } : { ...t, slackTeamId: teamId },
  );
  if (!updated.ok) return { ok: false, message: updated.reason === 'absent' ? `There is no tenant "${tenantId}".` : 'The tenant changed meanwhile; try again.' };
  return { ok: true, tenant: updated.value, changed: updated.changed };
}
