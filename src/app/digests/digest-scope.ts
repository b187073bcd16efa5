import { hasRole, schoolsLedBy, type Session, type Staff, type Tenant } from '../../domain';

/**
 * Whose programme a CPD lead's digest covers (issue 26 item 5): a trust lead (the `cpd-lead`
 * role) the whole trust; a school's own CPD lead (`school-cpd-lead.<school>`) only the sessions
 * and people of the schools they lead, so their digest never carries another school's people or figures.
 */
export type DigestScope =
  | { kind: 'trust' }
  /** `names`: the schools' names, for figures kept by school name (a line per school). */
  | { kind: 'schools'; schoolIds: ReadonlySet<string>; names: readonly string[]; text: string };

/** The lead's scope, or undefined when they lead nothing (no longer a lead of any kind). */
export function leadDigestScope(tenant: Pick<Tenant, 'settings' | 'schools'>, lead: Pick<Staff, 'id' | 'roles'>): DigestScope | undefined {
  if (hasRole(lead, 'cpd-lead')) return { kind: 'trust' };
  const led = schoolsLedBy(tenant.settings.cpdRequests, lead.id);
  if (led.length === 0) return undefined;
  const names = led.map((id) => tenant.schools.find((s) => s.id === id)?.name ?? id);
  return { kind: 'schools', schoolIds: new Set(led), names, text: `${names.join(' and ')} only: trust-wide sessions are in the trust CPD lead's digest` };
}

/** A session is a school's when it is held for it (its school) or invites only that school (its audience). */
export function sessionInScope(scope: DigestScope, session: Pick<Session, 'schoolId' | 'audience'>): boolean {
  if (scope.kind === 'trust') return true;
  if (session.schoolId !== undefined) return scope.schoolIds.has(session.schoolId);
  return session.audience.kind === 'school' && scope.schoolIds.has(session.audience.schoolId);
}

export function staffInScope(scope: DigestScope, person: Pick<Staff, 'schoolId'>): boolean {
  return scope.kind === 'trust' || (person.schoolId !== undefined && scope.schoolIds.has(person.schoolId));
}

/** A figure kept by school name (e.g. a line per school) belongs in the digest: the trust's lead all, a school's lead their own. */
export function schoolNameInScope(scope: DigestScope, schoolName: string): boolean {
  return scope.kind === 'trust' || scope.names.includes(schoolName);
}
