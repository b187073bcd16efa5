import { approverFor, deliveryId, hasRole, poundsInWords, missingApprovers, schoolsOf, type ApproverRole, type Delivery, type MissingApprover, type Staff, type Tenant } from '../../domain';
import { localDateOf } from '../../domain/school-time';
import type { CardView } from '../../cards/views';
import type { AppDeps } from '../deps';
import { notice } from '../notice';
import { bookerOf, namesOf } from './request-people';

/**
 * Who a request will go to, said on the form before it is sent (issue 25): the approvers by name,
 * and any step nobody fills (a school with no headteacher, no executive lead), which stops the
 * request being approved. Such a gap is said to the requester and to the CPD leads, never skipped.
 */
export interface ChainPreview {
  /** "Your request will go to your line manager, Lee Park, then ..." */
  text: string;
  missing: MissingApprover[];
  /** Why it cannot be approved yet, for the requester (absent when nothing is missing). */
  missingText?: string;
}

const schoolOf = (staff: Staff, tenant: Tenant) => staff.schoolId ?? (tenant.kind === 'school' ? tenant.id : undefined);
const schoolName = (tenant: Tenant, id: string | undefined) => schoolsOf(tenant).find((s) => s.id === id)?.name ?? 'your school';

function gapText(tenant: Tenant, gap: MissingApprover): string {
  const when = gap.fromPence !== undefined ? ` for a course costing ${poundsInWords(gap.fromPence)} or more` : '';
  if (gap.role === 'line-manager') return `you have no line manager in Twilight${when}`; // not reported today: see missingApprovers
  if (gap.role === 'headteacher') return gap.schoolId ? `${schoolName(tenant, gap.schoolId)} has no headteacher in Twilight${when}` : `you have no school in Twilight (so no headteacher of yours is known)${when}`;
  return `the trust has no executive lead in Twilight${when}`;
}

/** The approval chain as the requester will meet it; `totalPence` once the cost is known (on submit). */
export async function chainPreview(deps: AppDeps, tenant: Tenant, staff: Staff, totalPence?: number): Promise<ChainPreview> {
  const settings = tenant.settings.cpdRequests;
  const people = { requesterId: staff.id, lineManagerId: staff.lineManagerId, schoolId: schoolOf(staff, tenant) };
  const approvers = settings.chain.map((role) => ({ role, id: approverFor(role, settings, people) }));
  const names = await namesOf(deps, tenant.id, approvers.flatMap((a) => (a.id ? [a.id] : [])));
  const describe = (role: ApproverRole, id: string): string => {
    const who = names.get(id) ?? 'someone';
    const threshold = settings.skipUnderPence[role];
    const over = threshold !== undefined ? ` (for a course costing ${poundsInWords(threshold)} or more)` : '';
    if (role === 'line-manager') return `your line manager, ${who}${over}`;
    if (role === 'headteacher') return `the headteacher of ${schoolName(tenant, people.schoolId)}, ${who}${over}`;
    return `the executive lead, ${who}${over}`;
  };
  const steps = approvers.filter((a) => a.id && a.id !== staff.id).map((a) => describe(a.role, a.id!));
  const missing = missingApprovers(settings, people, totalPence);
  // Who books it once approved: the named booker, else the first CPD lead; nobody at all is said too.
  const booker = await bookerOf(deps, tenant);
  const books = booker ? ` Once approved, ${booker.id === staff.id ? 'you book it yourself' : `${booker.name} books it`}.` : ' Nobody is set to book approved courses yet: ask your CPD lead.';
  const text = `${steps.length > 0 ? `Your request will go to ${steps.join(', then ')}.` : ''}${books} Costs in pounds.`.trim();
  if (missing.length === 0) return { text, missing };
  const gaps = missing.map((g) => gapText(tenant, g));
  const missingText = `${capitalise(gaps.join('; and '))}, so a request cannot be fully approved until the CPD lead sets ${missing.length === 1 ? 'one' : 'them'} (they have been told).`;
  return { text, missing, missingText };
}

const capitalise = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

/** Each CPD lead is told of each gap once a day, however many people open the form. */
export async function tellLeadsOfMissingApprovers(deps: AppDeps, tenant: Tenant, missing: readonly MissingApprover[]): Promise<void> {
  if (missing.length === 0) return;
  const leads = (await deps.store.staff.find(tenant.id, { where: { roles: { contains: 'cpd-lead' }, active: true } })).map((l) => l.value);
  const now = deps.clock.now();
  const day = localDateOf(now, tenant.settings.timezone);
  for (const lead of leads) {
    for (const gap of missing) {
      await deps.store.deliveries.create({
        tenantId: tenant.id,
        id: deliveryId('approver-missing', lead.id, `${gap.role}:${gap.schoolId ?? ''}`, day),
        kind: 'approver-missing',
        recipientId: lead.id,
        dueAt: now.toISOString(),
        status: 'pending',
        subject: {},
        attempts: 0,
        createdAt: now.toISOString(),
      });
    }
  }
}

/** The gaps in the tenant's chain as they are when the notice is sent: every school without a headteacher, people with no school, a missing executive lead. */
export async function chainGaps(deps: AppDeps, tenant: Tenant): Promise<string[]> {
  const settings = tenant.settings.cpdRequests;
  const gaps: string[] = [];
  if (settings.chain.includes('headteacher')) {
    for (const school of schoolsOf(tenant)) {
      if (!settings.headteacherBySchool[school.id]) gaps.push(`${school.name} has no headteacher (settings set headteacher.${school.id} EMAIL)`);
    }
    if (tenant.schools.length > 0) {
      const schoolless = (await deps.store.staff.find(tenant.id, { where: { active: true } })).filter((s) => !s.value.schoolId).length;
      if (schoolless > 0) gaps.push(`${schoolless} ${schoolless === 1 ? 'person has' : 'people have'} no school, so no headteacher (a staff list with a School column sets it)`);
    }
  }
  if (settings.chain.includes('executive-lead') && !settings.executiveLeadId) gaps.push('the trust has no executive lead (settings set executive-lead EMAIL)');
  return gaps;
}

/** The lead's notice, composed at send time: nothing is sent once the lead has filled the gaps. */
export async function composeApproverMissing(deps: AppDeps, tenant: Tenant, recipient: Staff, _delivery: Delivery): Promise<{ view: CardView; text: string } | string> {
  if (!hasRole(recipient, 'cpd-lead')) return 'no longer a CPD lead';
  const gaps = await chainGaps(deps, tenant);
  if (gaps.length === 0) return 'no approver missing any more';
  const text = `Someone asking for CPD cannot have it fully approved: ${gaps.join('; ')}. Say "settings" to name them, or import a staff list whose job titles say Headteacher.`;
  return { view: notice('warning', text, 'An approver is missing'), text: `An approver is missing: ${gaps[0]}` };
}
