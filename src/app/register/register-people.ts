import { isInAudience, type Participation, type Session, type Staff } from '../../domain';
import type { RegisterRow } from '../../cards/views';
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

/**
 * Who is on a session's register, read from the store: the one list both the register card shows
 * and a submitted register is checked against (ids from a client are never trusted beyond it).
 */
export async function loadRegister(deps: AppDeps, session: Session): Promise<SessionRegister> {
  const tenantId = session.tenantId;
  const participations = (await deps.store.participations.find(tenantId, { where: { sessionId: session.id } })).map((p) => p.value);
  const byStaff = new Map(participations.map((p) => [p.staffId, p]));
  const staff = (await deps.store.staff.find(tenantId)).map((s) => s.value);
  const expected: RegisterRow[] = [];
  const waitlist: RegisterRow[] = [];
  for (const person of staff) {
    const p = byStaff.get(person.id);
    if (p?.rsvp === 'waitlist') waitlist.push(rowOf(person, p));
    else if (p?.rsvp === 'yes' || p?.attended !== undefined || (session.compulsory && isInAudience(session.audience, person))) expected.push(rowOf(person, p));
  }
  return { expected: expected.sort(byName), waitlist: waitlist.sort(byName), taken: participations.some((p) => p.attended !== undefined) };
}

/** Whether the register can be taken now: published, and started or starting within the hour. */
export function registerIsOpen(session: Session, now: Date): boolean {
  return session.status === 'published' && Date.parse(session.startsAt) - REGISTER_OPENS_BEFORE_MS <= now.getTime();
}
