import { Email, type Staff } from '../../domain';
import type { Store } from '../../store/store';
import { updateWithRetry } from '../../store/update';

export type StaffLookup = { ok: true; staff: Staff } | { ok: false; message: string };

/** One person of a tenant by e-mail (any case); a clear message when the text is no e-mail or nobody has it. */
export async function findStaffByEmail(deps: { store: Store }, tenantId: string, text: string): Promise<StaffLookup> {
  const email = Email.safeParse(text);
  if (!email.success) return { ok: false, message: `"${text}" is not an e-mail address.` };
  const found = (await deps.store.staff.find(tenantId, { where: { email: email.data }, limit: 1 }))[0];
  return found ? { ok: true, staff: found.value } : { ok: false, message: `Nobody with the e-mail ${email.data} is in the staff list.` };
}

export interface StaffProfile {
  staff: Staff;
  lineManager?: Staff;
  /** Active people who have this person as line manager. */
  reports: Staff[];
}

export async function loadStaffProfile(deps: { store: Store }, tenantId: string, email: string): Promise<{ ok: true; profile: StaffProfile } | { ok: false; message: string }> {
  const found = await findStaffByEmail(deps, tenantId, email);
  if (!found.ok) return found;
  const { staff } = found;
  const [manager, reports] = await Promise.all([
    staff.lineManagerId ? deps.store.staff.get(tenantId, staff.lineManagerId) : Promise.resolve(undefined),
    deps.store.staff.find(tenantId, { where: { lineManagerId: staff.id, active: true } }),
  ]);
  return { ok: true, profile: { staff, ...(manager ? { lineManager: manager.value } : {}), reports: reports.map((r) => r.value) } };
}

/**
 * Marks a leaver inactive: no more messages, kept in reports and records. Their own reports keep
 * them as line manager (the lead digest says nobody gets those digests until a roster names another).
 */
export async function deactivateStaff(deps: { store: Store }, tenantId: string, email: string): Promise<{ ok: true; staff: Staff; changed: boolean; reports: Staff[] } | { ok: false; message: string }> {
  const found = await findStaffByEmail(deps, tenantId, email);
  if (!found.ok) return found;
  const updated = await updateWithRetry(deps.store.staff, tenantId, found.staff.id, (s) => (s.active ? { ...s, active: false } : undefined));
  if (!updated.ok) return { ok: false, message: `${found.staff.name} changed while being updated; try again.` };
  const reports = (await deps.store.staff.find(tenantId, { where: { lineManagerId: found.staff.id, active: true } })).map((v) => v.value);
  return { ok: true, staff: updated.value, changed: updated.changed, reports };
}
