import { currentLinkOf, MENTOR_ROLE_LABELS, type MentorRole } from '../domain';
import { planMentorChange, setMentor, type MentorChangePlan } from '../app/mentoring';
import type { Clock } from '../domain/clock';
import type { Store } from '../store/store';
import type { NamedPerson } from './person-names';
import { personOfCell } from './person-cell';
import type { ReadRosterRow } from './read-roster';
import { MENTOR_COLUMNS } from './roster-mentor-columns';

/** Each row's supporters as e-mails (null: the file ends the link), once every name is resolved. */
export type RosterMentors = Map<number, Partial<Record<MentorRole, string | null>>>;

/**
 * Resolves a row's mentor cells like its line manager: an e-mail of someone in the file or the staff
 * list, or a name that fits exactly one of them. The first problem, in the file's own words, or undefined.
 */
export function mentorProblem(g: ReadRosterRow, people: ReadonlyMap<string, NamedPerson>, mentorsOf: RosterMentors): string | undefined {
  const resolved: Partial<Record<MentorRole, string | null>> = {};
  mentorsOf.set(g.row, resolved);
  for (const [role, given] of Object.entries(g.data.mentors ?? {}) as [MentorRole, NonNullable<ReadRosterRow['data']['mentors']>[MentorRole]][]) {
    if (given === undefined) continue;
    const heading = g.headings[MENTOR_COLUMNS[role]] ?? MENTOR_ROLE_LABELS[role];
    if (given === 'none') {
      resolved[role] = null;
      continue;
    }
    const person = personOfCell(given, people, { heading, email: g.data.email, role: MENTOR_ROLE_LABELS[role] });
    if (!person.ok) return person.message;
    resolved[role] = person.email;
  }
  return undefined;
}

/** One supporter the roster sets, starts, replaces or ends (never an unchanged one). */
export interface RosterMentorChange {
  menteeId: string;
  menteeName: string;
  role: MentorRole;
  mentorId: string | null;
  plan: Exclude<MentorChangePlan, { kind: 'unchanged' } | { kind: 'nothing-to-end' }>;
}

/**
 * What the roster's mentoring columns would change on `today`, read against the links stored (one read
 * of the tenant's links). A roster read twice plans nothing the second time.
 */
export async function planRosterMentors(
  deps: { store: Store },
  tenantId: string,
  rows: readonly ReadRosterRow[],
  mentorsOf: RosterMentors,
  idOf: (email: string) => string,
  today: string,
): Promise<RosterMentorChange[]> {
  if (!rows.some((r) => r.data.mentors)) return [];
  // Every link of the tenant in one read (a roster names most of the staff); the domain's rule picks the one holding today.
  const links = (await deps.store.mentoringLinks.find(tenantId)).map((v) => v.value);
  const changes: RosterMentorChange[] = [];
  for (const g of rows) {
    const menteeId = idOf(g.data.email);
    for (const [role, email] of Object.entries(mentorsOf.get(g.row) ?? {}) as [MentorRole, string | null][]) {
      const mentorId = email === null ? null : idOf(email);
      const plan = planMentorChange(currentLinkOf(links, menteeId, role, today), mentorId);
      if (plan.kind === 'unchanged' || plan.kind === 'nothing-to-end') continue;
      changes.push({ menteeId, menteeName: g.data.name, role, mentorId, plan });
    }
  }
  return changes;
}

/** "would make Bob Jones Ann Smith's subject mentor (was Carol White)", for the dry run and the result. */
export function describeRosterMentorChange(change: RosterMentorChange, nameOf: (id: string) => string, dryRun: boolean): string {
  const role = MENTOR_ROLE_LABELS[change.role];
  const p = change.plan;
  if (p.kind === 'end') return `${dryRun ? 'would end' : 'ended'} ${nameOf(p.fromMentorId)} as ${change.menteeName}'s ${role}`;
  const was = p.kind === 'replace' ? ` (was ${nameOf(p.fromMentorId)})` : '';
  return `${dryRun ? 'would make' : 'made'} ${nameOf(p.mentorId)} ${change.menteeName}'s ${role}${was}`;
}

/** Writes the planned changes once the people are stored (a new mentor in the same file exists by then). */
export async function applyRosterMentors(deps: { store: Store; clock: Clock }, tenantId: string, changes: readonly RosterMentorChange[], today: string): Promise<number> {
  for (const c of changes) await setMentor(deps, tenantId, { menteeId: c.menteeId, role: c.role, mentorId: c.mentorId, onDate: today, source: 'roster' });
  return changes.length;
}

/** The lines a dry run (or the import's result) says about supporters, at most `max` then a count. */
export function rosterMentoringLines(mentoring: { changes: readonly RosterMentorChange[]; names: Readonly<Record<string, string>> }, dryRun: boolean, max = 10): string[] {
  const nameOf = (id: string) => mentoring.names[id] ?? 'someone no longer in the staff list';
  const lines = mentoring.changes.map((c) => describeRosterMentorChange(c, nameOf, dryRun));
  return lines.length > max ? [...lines.slice(0, max), `and ${lines.length - max} more changes of mentors, coaches and induction tutors`] : lines;
}
