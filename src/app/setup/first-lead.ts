import { z } from 'zod';
import { deterministicId, Staff, Tenant } from '../../domain';
import type { Store } from '../../store/store';

/** The welcome waiting for a lead named by the deployer: sent once, the first time they open the bot. */
export function welcomeKeyId(staffId: string): string {
  return deterministicId('welcome', staffId);
}

const Email = z.email();

export type NameLeadResult =
  | { ok: true; staff: Staff; outcome: 'created' | 'made-lead' | 'already-lead'; tenantCreated: boolean }
  /** `firstOnly` and the school already has an active CPD lead: nothing was changed. */
  | { ok: true; outcome: 'has-a-lead'; tenantCreated: false }
  | { ok: false; message: string };

/** "lee.lead@school.org.uk" → "Lee Lead": a name to greet them by until the staff list gives the real one. */
function nameFromEmail(email: string): string {
  return email
    .split('@')[0]!
    .split(/[._-]+/)
    .filter(Boolean)
    .map((w) => w[0]!.toUpperCase() + w.slice(1))
    .join(' ');
}

/**
 * The deployer names the first CPD lead by e-mail (FIRST_CPD_LEAD_EMAIL at start-up, or
 * `twilight lead add EMAIL`): the school (tenant) is created if absent, the person added or given
 * the CPD lead role, and a welcome pointing at `setup` waits for their first visit. Running it
 * again changes nothing.
 */
export async function nameCpdLead(
  deps: { store: Store; clock: { now(): Date } },
  tenantId: string,
  input: { email: string; name?: string },
  options: { firstOnly?: boolean } = {},
): Promise<NameLeadResult> {
  const email = input.email.trim().toLowerCase();
  if (!Email.safeParse(email).success) return { ok: false, message: `"${input.email}" is not an e-mail address.` };
  // At every start (FIRST_CPD_LEAD_EMAIL): once the school has a lead, the setting has done its job;
  // it must not bring back a lead who has since left and been marked inactive.
  if (options.firstOnly && (await deps.store.staff.count(tenantId, { active: true, roles: { contains: 'cpd-lead' } })) > 0) {
    return { ok: true, outcome: 'has-a-lead', tenantCreated: false };
  }
  let tenantCreated = false;
  if (!(await deps.store.tenants.get(tenantId, tenantId))) {
    const created = await deps.store.tenants.create(Tenant.parse({ tenantId, id: tenantId, name: tenantId, kind: 'school' }));
    tenantCreated = created.ok;
  }
  const [found] = await deps.store.staff.find(tenantId, { where: { email }, limit: 1 });
  let staff: Staff;
  let outcome: 'created' | 'made-lead' | 'already-lead';
  if (!found) {
    staff = Staff.parse({ tenantId, id: deterministicId('staff', email), name: input.name?.trim() || nameFromEmail(email), email, roles: ['staff', 'cpd-lead'] });
    const created = await deps.store.staff.create(staff);
    if (!created.ok) return nameCpdLead(deps, tenantId, input, options);
    outcome = 'created';
  } else if (found.value.roles.includes('cpd-lead') && found.value.active) {
    staff = found.value;
    outcome = 'already-lead';
  } else {
    staff = { ...found.value, active: true, roles: [...new Set([...found.value.roles, 'cpd-lead' as const])] };
    const written = await deps.store.staff.put(staff, { ifVersion: found.version });
    if (!written.ok) return nameCpdLead(deps, tenantId, input, options);
    outcome = 'made-lead';
  }
  // Create-if-absent: a welcome already sent is not sent again.
  await deps.store.idempotencyKeys.create({ tenantId, id: welcomeKeyId(staff.id), purpose: 'welcome', createdAt: deps.clock.now().toISOString(), state: 'pending' });
  return { ok: true, staff, outcome, tenantCreated };
}
