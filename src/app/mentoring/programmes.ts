import {
  academicYearOf,
  builtInProgrammes,
  deterministicId,
  expandAssignment,
  isBuiltInProgrammeId,
  MentoringProgramme,
  ProgrammeAssignment,
  programmeAssignmentId,
  schoolWeeksOf,
  type Tenant,
} from '../../domain';
import { localDateOf } from '../../domain/school-time';
import type { AppDeps } from '../deps';
import { currentLinksOf } from './mentoring-links';

/** The programmes a tenant can assign: the built-in ones, then its own copies, by name. */
export async function tenantProgrammes(deps: Pick<AppDeps, 'store'>, tenantId: string): Promise<MentoringProgramme[]> {
  const own = (await deps.store.mentoringProgrammes.find(tenantId)).map((v) => v.value).sort((a, b) => a.name.localeCompare(b.name));
  return [...builtInProgrammes(tenantId), ...own];
}

export type ProgrammeLookup = { ok: true; programme: MentoringProgramme } | { ok: false; message: string };

/** A programme named by its id, or by words of its name that fit exactly one. */
export function findProgrammeNamed(programmes: readonly MentoringProgramme[], text: string): ProgrammeLookup {
  const wanted = text.trim().toLowerCase();
  if (!wanted) return { ok: false, message: 'Say which programme (see "programmes").' };
  const exact = programmes.filter((p) => p.id === wanted || p.name.toLowerCase() === wanted);
  const found = exact.length > 0 ? exact : programmes.filter((p) => wanted.split(/\s+/).every((w) => p.name.toLowerCase().includes(w)));
  if (found.length === 1) return { ok: true, programme: found[0]! };
  if (found.length === 0) return { ok: false, message: `No programme is called "${text.trim().slice(0, 100)}": say "programmes" to see them.` };
  return { ok: false, message: `"${text.trim().slice(0, 100)}" fits ${found.length} programmes (${found.map((p) => p.name).join('; ')}): say more of its name.` };
}

/** A copy a lead can change (through the programme file), kept under an id made from the original: copying twice keeps one copy. */
export async function copyProgramme(deps: Pick<AppDeps, 'store' | 'clock'>, tenantId: string, source: MentoringProgramme): Promise<{ created: boolean; programme: MentoringProgramme }> {
  const programme = MentoringProgramme.parse({
    ...source,
    tenantId,
    id: deterministicId('mprog', tenantId, source.id),
    name: `${source.name} (our copy)`.slice(0, 120),
    copiedFrom: isBuiltInProgrammeId(source.id) ? source.id : (source.copiedFrom ?? source.id),
    updatedAt: deps.clock.now().toISOString(),
  });
  const written = await deps.store.mentoringProgrammes.create(programme);
  if (written.ok) return { created: true, programme };
  const existing = await deps.store.mentoringProgrammes.get(tenantId, programme.id);
  return { created: false, programme: existing?.value ?? programme };
}

export interface AssignmentOutcome {
  ok: true;
  /** The academic year it starts in (the one asked for, else this one). */
  firstYear: string;
  assigned: number;
  alreadyAssigned: number;
  meetingsPlanned: number;
  /** Why some items could not be placed yet (one line per reason), said to the lead. */
  unplaced: string[];
  /** People without a supporter in a role the programme needs, by role label. */
  withoutSupporter: string[];
}

/**
 * Assigns a programme to people from an academic year (issue 30 item 2): writes each person's
 * assignment and its meetings, create-if-absent, so assigning again adds only what is new (a year-2
 * meeting whose term dates were imported since). A calendar with no autumn term for the year refuses
 * the whole assignment, saying so: nothing is planned silently from nothing.
 */
export async function assignProgramme(
  deps: Pick<AppDeps, 'store' | 'clock'>,
  tenant: Tenant,
  input: {
    programme: MentoringProgramme;
    menteeIds: readonly string[];
    firstYear?: string;
    assignedBy: string;
    /** Someone who joined the pathway later (pathway-assignments.ts): their meetings from the week they joined, not the weeks before they were here (kept on the assignment). */
    joined?: { pathwayAssignmentId: string; fromWeek: string };
  },
): Promise<AssignmentOutcome | { ok: false; message: string }> {
  const now = deps.clock.now();
  const today = localDateOf(now, tenant.settings.timezone);
  const firstYear = input.firstYear ?? academicYearOf(today);
  const calendar = (await deps.store.calendars.get(tenant.id, 'calendar'))?.value ?? { terms: [], holidays: [] };
  const year1 = schoolWeeksOf(calendar, firstYear);
  if (!year1.ok) return { ok: false, message: `Nothing was assigned: ${year1.reason}.` };
  // Nobody named (an empty pathway) assigns nobody; the calendar is still checked, for a standing pathway assignment.
  const outcome: AssignmentOutcome = { ok: true, firstYear, assigned: 0, alreadyAssigned: 0, meetingsPlanned: 0, unplaced: [], withoutSupporter: [] };
  const reasons = new Set<string>();
  for (const menteeId of input.menteeIds) {
    const assignment = ProgrammeAssignment.parse({
      tenantId: tenant.id,
      id: programmeAssignmentId(menteeId, input.programme.id, firstYear),
      menteeId,
      programmeId: input.programme.id,
      firstYear,
      assignedBy: input.assignedBy,
      assignedAt: now.toISOString(),
      ...(input.joined ? { viaPathway: input.joined.pathwayAssignmentId, plannedFrom: input.joined.fromWeek } : {}),
    });
    const created = await deps.store.programmeAssignments.create(assignment);
    if (created.ok) outcome.assigned += 1;
    else outcome.alreadyAssigned += 1;
    // Someone who joined later keeps their first week when the lead assigns the pathway again: nothing before they were here.
    const fromWeek = created.ok ? assignment.plannedFrom : (await deps.store.programmeAssignments.get(tenant.id, assignment.id))?.value.plannedFrom;
    const links = await currentLinksOf(deps, tenant.id, menteeId, today);
    const expansion = expandAssignment(input.programme, assignment, calendar, (role) => links.find((l) => l.role === role)?.mentorId, now);
    const written = await deps.store.mentoringMeetings.createMany(fromWeek ? expansion.meetings.filter((m) => m.weekStart >= fromWeek) : expansion.meetings);
    outcome.meetingsPlanned += written.filter((w) => w.ok).length;
    for (const u of expansion.unplaced) reasons.add(u.reason);
    const missing = [...new Set(input.programme.items.map((i) => i.with))].filter((role) => !links.some((l) => l.role === role));
    if (missing.length > 0) outcome.withoutSupporter.push(menteeId);
  }
  outcome.unplaced = [...reasons];
  return outcome;
}
