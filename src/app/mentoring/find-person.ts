import { Email, type Staff } from '../../domain';
import { matchPersonByName } from '../../imports/person-names';
import type { AppDeps } from '../deps';

export type PersonLookup = { ok: true; staff: Staff } | { ok: false; message: string };

/**
 * A person named in a command, as a roster names a line manager: an e-mail, or a name ("Jo Adeyemi",
 * "Adeyemi, Jo", "Ms J Adeyemi") that fits exactly one active person of the tenant.
 */
export async function findPersonNamed(deps: Pick<AppDeps, 'store'>, tenantId: string, text: string): Promise<PersonLookup> {
  const wanted = text.trim();
  const email = Email.safeParse(wanted);
  if (email.success) {
    const found = (await deps.store.staff.find(tenantId, { where: { email: email.data }, limit: 1 }))[0];
    return found ? { ok: true, staff: found.value } : { ok: false, message: `Nobody with the e-mail ${email.data} is in the staff list.` };
  }
  const people = (await deps.store.staff.find(tenantId, { where: { active: true } })).map((v) => v.value);
  const match = matchPersonByName(wanted, people.map((p) => ({ email: p.email, names: [p.name, ...(p.otherNames ?? [])] })));
  if (match.ok) return { ok: true, staff: people.find((p) => p.email === match.email)! };
  if (match.reason === 'none') return { ok: false, message: `Nobody called "${wanted.slice(0, 100)}" is in the staff list (give their e-mail, or their name as the staff list spells it).` };
  return { ok: false, message: `"${wanted.slice(0, 100)}" fits more than one person (${match.emails.join(', ')}): give their e-mail instead.` };
}
