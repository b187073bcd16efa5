import { hasRole, type Staff } from './staff';
import type { Tenant } from './tenant';

/**
 * Who leads CPD for a person, for the rules that tell a lead something about them. A trust's CPD
 * leads have the `cpd-lead` role; a school may name its own (`school-cpd-lead.<school>`, stored as
 * `cpdRequests.cpdLeadBySchool`), who need not have the role and hears of their own school's staff only.
 */

/**
 * A staff list's trust leads and people by id, worked out once per list: the planner asks these
 * rules for every expiring training and every meeting over the same list. A list is read as given;
 * one changed in place after a rule has read it is not seen (every caller passes a fresh or fixed one).
 */
const lookups = new WeakMap<readonly Staff[], { trust: Staff[]; byId: Map<string, Staff> }>();

function lookupsOf(staff: readonly Staff[]): { trust: Staff[]; byId: Map<string, Staff> } {
  let found = lookups.get(staff);
  if (!found) {
    found = { trust: staff.filter((s) => s.active && hasRole(s, 'cpd-lead')).sort((a, b) => a.id.localeCompare(b.id)), byId: new Map(staff.map((s) => [s.id, s])) };
    lookups.set(staff, found);
  }
  return found;
}

/** The trust's CPD leads: active staff with the `cpd-lead` role, in id order (a rule telling one tells the first). */
export function trustCpdLeads(staff: readonly Staff[]): readonly Staff[] {
  return lookupsOf(staff).trust;
}

/** The person's school's own CPD lead, when their school names one who is still here (active). */
export function schoolCpdLeadOf(tenant: Pick<Tenant, 'settings'>, staff: readonly Staff[], person: Pick<Staff, 'schoolId'> | undefined): Staff | undefined {
  const leadId = person?.schoolId ? tenant.settings.cpdRequests.cpdLeadBySchool[person.schoolId] : undefined;
  const lead = leadId ? lookupsOf(staff).byId.get(leadId) : undefined;
  return lead?.active ? lead : undefined;
}

/**
 * Who is told that a person's mentoring lacks someone (a mentor, an induction tutor): their school's
 * own lead; and the trust's first lead as well when the school's lead cannot name one themselves
 * (naming a supporter, by `mentor` or the staff list, needs the `cpd-lead` role). With no school
 * lead, the trust's first lead. Each once; empty when the tenant has no lead at all.
 */
export function mentoringGapLeads(tenant: Pick<Tenant, 'settings'>, staff: readonly Staff[], person: Pick<Staff, 'schoolId'> | undefined): Staff[] {
  const schoolLead = schoolCpdLeadOf(tenant, staff, person);
  const trustLead = trustCpdLeads(staff)[0];
  if (schoolLead && hasRole(schoolLead, 'cpd-lead')) return [schoolLead];
  return [schoolLead, trustLead].filter((s): s is Staff => s !== undefined);
}

/**
 * Who hears of an at-risk progress review when no induction tutor is named: the person's school's
 * own lead, else the trust's first. One person: the review is about someone (docs/mentoring.md).
 */
export function mentoringOverseerOf(tenant: Pick<Tenant, 'settings'>, staff: readonly Staff[], person: Pick<Staff, 'schoolId'> | undefined): Staff | undefined {
  return schoolCpdLeadOf(tenant, staff, person) ?? trustCpdLeads(staff)[0];
}

/** Whether someone leads CPD for this person: a trust lead (the role), or their school's own lead. */
export function leadsCpdOf(tenant: Pick<Tenant, 'settings'>, lead: Pick<Staff, 'id' | 'roles'>, person: Pick<Staff, 'schoolId'>): boolean {
  if (hasRole(lead, 'cpd-lead')) return true;
  return person.schoolId !== undefined && tenant.settings.cpdRequests.cpdLeadBySchool[person.schoolId] === lead.id;
}

/**
 * Who hears that a person's statutory training is about to lapse, besides them: every trust CPD
 * lead and their school's own lead (issue 26 item 5), each once. The planner plans these and the
 * person's message says whether anyone was (statutory-renewal-message.ts).
 */
export function statutoryRenewalLeads(tenant: Pick<Tenant, 'settings'>, staff: readonly Staff[], person: Pick<Staff, 'id' | 'schoolId'>): Staff[] {
  const leads = [...trustCpdLeads(staff), ...[schoolCpdLeadOf(tenant, staff, person)].filter((s): s is Staff => s !== undefined)];
  return leads.filter((l, i) => l.id !== person.id && leads.findIndex((o) => o.id === l.id) === i);
}
