import { isInAudience, type Participation, type Session, type Staff } from '../../domain';
import type { RegisterRow } from '../../cards/views/register';
import { findWhereIn } from '../../store/find-in';
import { audienceStaffFilter } from '../../store/audience-filter';
import type { AppDeps } from '../deps';

/** The register can be taken from an hour before the session starts (people arrive early). */
export const REGISTER_OPENS_BEFORE_MS = 3600_000;

export interface SessionRegister {
  /** Those who said yes, a compulsory session's whole audience, and anyone already marked; sorted by name. */
  expected: RegisterRow[];
  waitlist: RegisterRow[];
  taken: boolean;
}

const byName = (a: RegisterRow, b: RegisterRow) => a.name.localeCompare(b.name, 'en-GB') || a.staffId.localeCompare(b.staffId);

function rowOf(staff: Staff, participation: Participation | undefined): RegisterRow {
  const marked = participation?.attended !== undefined;
  return {
    staffId: staff.id,
    name: staff.name,
    present: marked ? participation?.attended === true : participation?.rsvp === 'yes',
    marked,
    ...(participation?.rsvp ? { rsvp: participation.rsvp } : {}),
  };
}

/** A compulsory session's audience, by key or paged through an indexed query (never the whole tenant at once). */
async function loadAudience(deps: AppDeps, session: Session): Promise<Staff[]> {
  const { audience, tenantId } = session;
  if (audience.kind === 'staff') return (await findWhereIn(deps.store.staff, tenantId, 'id', audience.staffIds)).filter((p) => isInAudience(audience, p));
  const found: Staff[] = [];
  for await (const { value: person } of deps.store.staff.iterate(tenantId, { where: audienceStaffFilter(audience) })) {
    if (isInAudience(audience, person)) found.push(person);
  }
  return found;
}

/**
 * Who is on a session's register, read from the store: the one list both the register card shows
 * and a submitted register is checked against (ids from a client are never trusted beyond it).
 * Only the people it lists are read: those with an RSVP or a mark (by key), and a compulsory
 * session's audience (by an indexed query), not the whole tenant's staff.
 */
export async function loadRegister(deps: AppDeps, session: Session): Promise<SessionRegister> {
  const tenantId = session.tenantId;
  const participations = (await deps.store.participations.find(tenantId, { where: { sessionId: session.id } })).map((p) => p.value);
  const byStaff = new Map(participations.map((p) => [p.staffId, p]));
  const listed = (p: Participation) => p.rsvp === 'yes' || p.rsvp === 'waitlist' || p.attended !== undefined;
  const audience = session.compulsory ? await loadAudience(deps, session) : [];
  const inAudience = new Set(audience.map((p) => p.id));
  const participants = await findWhereIn(deps.store.staff, tenantId, 'id', participations.filter((p) => listed(p) && !inAudience.has(p.staffId)).map((p) => p.staffId));
  const expected: RegisterRow[] = [];
  const waitlist: RegisterRow[] = [];
  for (const person of [...audience, ...participants]) {
    const p = byStaff.get(person.id);
    if (p?.rsvp === 'waitlist') waitlist.push(rowOf(person, p));
    else if (p?.rsvp === 'yes' || p?.attended !== undefined || (session.compulsory && inAudience.has(person.id))) expected.push(rowOf(person, p));
  }
  return { expected: expected.sort(byName), waitlist: waitlist.sort(byName), taken: participations.some((p) => p.attended !== undefined) };
}

/** Whether the register can be taken now: published, and started or starting within the hour. */
export function registerIsOpen(session: Session, now: Date): boolean {
  return session.status === 'published' && Date.parse(session.startsAt) - REGISTER_OPENS_BEFORE_MS <= now.getTime();
}
