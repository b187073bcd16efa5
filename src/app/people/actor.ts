import { z } from 'zod';
import type { Staff, Tenant } from '../../domain';
import type { Filter } from '../../store/port';
import type { ActorCacheSnapshot } from './actor-cache';
import type { AppDeps } from '../deps';
import { tenantOfPlatform } from './platform-tenant';
import { sendWhatFailedForNoAccount } from './send-when-linked';

/** A person acting through a platform, after their identity has been matched to a staff record. */
export interface Actor {
  tenant: Tenant;
  staff: Staff;
}

export const PlatformIdentity = z.object({
  platform: z.enum(['teams', 'slack']),
  /** Teams: the Entra (AAD) tenant id; Slack: the workspace (team) id. */
  platformTenantId: z.string().min(1).optional(),
  /** Teams: 29:... user id; Slack: U... user id. */
  userId: z.string().min(1),
  aadObjectId: z.string().min(1).optional(),
  email: z.string().optional(),
  name: z.string().optional(),
});
export type PlatformIdentity = z.infer<typeof PlatformIdentity>;

export type ActorResult =
  | { ok: true; actor: Actor }
  | {
      ok: false;
      message: string;
      /** The Teams tenant or Slack workspace linked to no tenant (and no default applies): the bot logs it. */
      unmappedPlatformTenant?: string;
    };

const NOT_LINKED =
  "I don't know you yet: your school's CPD lead needs to add you to the staff list (with the e-mail address you use here). Then say hello again.";

/**
 * The tenant a Teams (Entra) tenant or Slack workspace belongs to, else the single-school default
 * when one applies (dev mode, or DEFAULT_TENANT_ID set: config.ts decides).
 */
export async function findPlatformTenant(
  deps: AppDeps,
  platform: PlatformIdentity['platform'],
  platformTenantId: string | undefined,
  defaultTenantId: string | undefined,
): Promise<Tenant | undefined> {
  if (platformTenantId) {
    const match = await tenantOfPlatform(deps.store, platform, platformTenantId, deps.clock.now());
    if (match) return match;
  }
  // A single-school deployment serves one tenant whatever the platform tenant is.
  if (defaultTenantId === undefined) return undefined;
  return (await deps.store.tenants.get(defaultTenantId, defaultTenantId))?.value;
}

async function findStaff(deps: AppDeps, tenantId: string, identity: PlatformIdentity): Promise<Staff | undefined> {
  const byPlatform: Filter | undefined =
    identity.platform === 'slack'
      ? { 'slack.userId': identity.userId }
      : identity.aadObjectId
        ? { 'teams.aadObjectId': identity.aadObjectId }
        : undefined;
  if (byPlatform) {
    const [found] = await deps.store.staff.find(tenantId, { where: byPlatform, limit: 1 });
    if (found) return found.value;
  }
  const email = identity.email?.trim().toLowerCase();
  if (!email) return undefined;
  const [byEmail] = await deps.store.staff.find(tenantId, { where: { email }, limit: 1 });
  return byEmail?.value;
}

/** Links the platform identity to the staff record on first contact, so later look-ups need no e-mail. */
function withIdentity(staff: Staff, identity: PlatformIdentity): Staff | undefined {
  if (identity.platform === 'slack') {
    if (staff.slack?.userId === identity.userId || !identity.platformTenantId) return undefined;
    return { ...staff, slack: { userId: identity.userId, teamId: identity.platformTenantId } };
  }
  if (!identity.aadObjectId) return undefined;
  if (staff.teams?.aadObjectId === identity.aadObjectId && staff.teams.userId === identity.userId) return undefined;
  return { ...staff, teams: { aadObjectId: identity.aadObjectId, userId: identity.userId } };
}

/** What decides the tenant: the platform tenant id, or the default when that is not recorded. */
function tenantKey(identity: PlatformIdentity, defaultTenantId: string | undefined): string {
  return [identity.platform, identity.platformTenantId ?? '', defaultTenantId ?? ''].join('\u0000');
}

/** Everything that decides who an identity resolves to; the platform tenant id keeps tenants apart. */
function personKey(identity: PlatformIdentity, defaultTenantId: string | undefined): string {
  return [tenantKey(identity, defaultTenantId), identity.userId, identity.aadObjectId ?? '', identity.email ?? ''].join('\u0000');
}

/**
 * `defaultTenantId`: the tenant for a platform tenant linked to none; undefined refuses such a
 * platform tenant (production without DEFAULT_TENANT_ID), so a stranger's workspace links nobody.
 */
export async function resolveActor(deps: AppDeps, identity: PlatformIdentity, defaultTenantId: string | undefined): Promise<ActorResult> {
  const key = personKey(identity, defaultTenantId);
  const cached = deps.actors?.person(key);
  if (cached) return { ok: true, actor: cached };
  const snapshot = deps.actors?.snapshot();
  const tenant = await tenantFor(deps, identity, defaultTenantId, snapshot);
  if (!tenant) return { ok: false, message: NOT_LINKED, unmappedPlatformTenant: identity.platformTenantId ?? '(none given)' };
  const found = await actorIn(deps, tenant, identity);
  // Only people who were found: someone just added to the staff list is let in at once.
  if (found.ok && snapshot) deps.actors?.rememberPerson(key, found.actor, snapshot);
  return found;
}

async function tenantFor(deps: AppDeps, identity: PlatformIdentity, defaultTenantId: string | undefined, snapshot: ActorCacheSnapshot | undefined): Promise<Tenant | undefined> {
  const key = tenantKey(identity, defaultTenantId);
  const cached = deps.actors?.tenant(key);
  if (cached) return cached;
  const tenant = await findPlatformTenant(deps, identity.platform, identity.platformTenantId, defaultTenantId);
  if (tenant && snapshot) deps.actors?.rememberTenant(key, tenant, snapshot);
  return tenant;
}

async function actorIn(deps: AppDeps, tenant: Tenant, identity: PlatformIdentity): Promise<ActorResult> {
  const staff = await findStaff(deps, tenant.id, identity);
  if (!staff || !staff.active) return { ok: false, message: NOT_LINKED };
  const linked = withIdentity(staff, identity);
  if (linked) {
    // Last writer wins is fine here: both writers link the same identity.
    // What failed for want of this link goes back to the outbox first (due just after the link is
    // written), then the link: if either fails the person is still unlinked, and their next contact
    // (or the next linking pass) does both again, so nothing is left waiting for a link already made.
    await sendWhatFailedForNoAccount(deps, tenant.id, staff.id);
    await deps.store.staff.put(linked);
    return { ok: true, actor: { tenant, staff: linked } };
  }
  return { ok: true, actor: { tenant, staff } };
}
