import { z } from 'zod';
import { hasRole, type Staff, type Tenant } from '../../domain';
import type { Store } from '../../store/store';
import type { Clock } from '../../domain/clock';
import { changeSettings, CLI_CHANGER, type SettingsChanger } from './change-settings';
import type { TenantChange } from './tenant-settings';

/** Whether a person leads CPD for a request's school: the trust's CPD lead (by role), or that school's own lead. */
export function leadsCpdFor(tenant: Pick<Tenant, 'settings'>, staff: Pick<Staff, 'id' | 'roles'>, schoolId: string | undefined): boolean {
  if (hasRole(staff, 'cpd-lead')) return true;
  return schoolId !== undefined && tenant.settings.cpdRequests.cpdLeadBySchool[schoolId] === staff.id;
}

/**
 * Names (or, with "none", removes) a school's own CPD lead (`settings.cpdRequests.cpdLeadBySchool`,
 * issue 26 item 5), by their e-mail in the staff list. The school must be one of the tenant's and the
 * person active: a lead who cannot be found would receive nothing, silently.
 */
export async function setSchoolCpdLead(deps: { store: Store; clock: Clock }, tenantId: string, school: string, who: string, changer: SettingsChanger = CLI_CHANGER): Promise<TenantChange> {
  const tenant = (await deps.store.tenants.get(tenantId, tenantId))?.value;
  if (!tenant) return { ok: false, message: `There is no tenant "${tenantId}".` };
  const wanted = school.trim().toLowerCase();
  const found = tenant.schools.find((s) => s.id.toLowerCase() === wanted || s.name.toLowerCase() === wanted);
  if (!found) {
    const known = tenant.schools.map((s) => `${s.id} (${s.name})`).join(', ') || 'none yet: import the staff list first';
    return { ok: false, message: `"${school}" is not one of this tenant's schools. Schools: ${known}.` };
  }
  let leadEmail: string | undefined;
  if (who.trim().toLowerCase() !== 'none') {
    const email = z.email().safeParse(who.trim().toLowerCase());
    if (!email.success) return { ok: false, message: `"${who}" is not an e-mail address. Give the lead's e-mail as in the staff list, or "none".` };
    const people = (await deps.store.staff.find(tenantId, { where: { email: email.data } })).map((p) => p.value).filter((p) => p.active);
    if (people.length === 0) return { ok: false, message: `Nobody active in the staff list has the e-mail ${email.data}.` };
    leadEmail = email.data;
  }
  // Written as the setting it is (school-cpd-lead.<school>), so the change is in the settings history and planned.
  const changed = await changeSettings(deps, tenantId, changer, { [`school-cpd-lead.${found.id}`]: leadEmail ?? 'none' });
  if (!changed.ok) return { ok: false, message: changed.message };
  return { ok: true, tenant: changed.context.tenant, changed: changed.changes.length > 0 };
}
