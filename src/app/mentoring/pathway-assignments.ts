import {
  academicYearOf,
  lastYearOf,
  mondayOf,
  PathwayAssignment,
  pathwayAssignmentId,
  pathwayAssignmentRuns,
  type MentoringProgramme,
  type Pathway,
  type Tenant,
} from '../../domain';
import { localDateOf } from '../../domain/school-time';
import { updateWithRetry, upsertWithRetry } from '../../store/update';
import type { AppDeps } from '../deps';
import { assignProgramme, tenantProgrammes } from './programmes';

type Deps = Pick<AppDeps, 'store' | 'clock'>;

/**
 * `programmes assign <name> to pathway <p>` remembered (docs/mentoring.md, "Standing pathway
 * assignments"): once per pathway, programme and first year. Saying it again changes nothing; saying
 * it after it was ended starts it again.
 */
export async function rememberPathwayAssignment(
  deps: Deps,
  tenant: Tenant,
  input: { pathway: Pathway; programme: MentoringProgramme; firstYear: string; by: string },
): Promise<'remembered' | 'already' | 'restarted'> {
  const id = pathwayAssignmentId(input.pathway, input.programme.id, input.firstYear);
  let outcome: 'remembered' | 'already' | 'restarted' = 'already';
  const fresh = (): PathwayAssignment =>
    PathwayAssignment.parse({
      tenantId: tenant.id,
      id,
      pathway: input.pathway,
      programmeId: input.programme.id,
      firstYear: input.firstYear,
      lastYear: lastYearOf(input.firstYear, input.programme.years),
      assignedBy: input.by,
      assignedAt: deps.clock.now().toISOString(),
    });
  const written = await upsertWithRetry(deps.store.pathwayAssignments, tenant.id, id, (current) => {
    outcome = !current ? 'remembered' : current.endedAt === undefined ? 'already' : 'restarted';
    return outcome === 'already' ? undefined : fresh();
  });
  if (!written.ok) throw new Error(`pathway assignment ${id}: another change kept winning`);
  return outcome;
}

/** The standing assignments of a tenant still running today, oldest first (for `programmes` and the planner). */
export async function runningPathwayAssignments(deps: Deps, tenant: Tenant): Promise<PathwayAssignment[]> {
  const year = academicYearOf(localDateOf(deps.clock.now(), tenant.settings.timezone));
  const all = (await deps.store.pathwayAssignments.find(tenant.id)).map((v) => v.value);
  return all.filter((a) => pathwayAssignmentRuns(a, year)).sort((a, b) => a.assignedAt.localeCompare(b.assignedAt));
}

/**
 * `programmes unassign <name> from pathway <p> [year]`: ends the running standing assignments of that
 * programme to that pathway (one year's, when a year is given), under the ETag. Nobody already
 * assigned loses their programme: only people joining from now on are not given it.
 */
export async function endPathwayAssignments(deps: Deps, tenant: Tenant, input: { pathway: Pathway; programmeId: string; firstYear?: string; by: string }): Promise<PathwayAssignment[]> {
  const running = (await runningPathwayAssignments(deps, tenant)).filter(
    (a) => a.pathway === input.pathway && a.programmeId === input.programmeId && (input.firstYear === undefined || a.firstYear === input.firstYear),
  );
  const ended: PathwayAssignment[] = [];
  const at = deps.clock.now().toISOString();
  for (const a of running) {
    const result = await updateWithRetry(deps.store.pathwayAssignments, tenant.id, a.id, (current) => (current.endedAt ? undefined : { ...current, endedAt: at, endedBy: input.by }));
    if (result.ok && result.changed) ended.push(result.value);
  }
  return ended;
}

export interface JoinersAssigned {
  /** People given a programme because they are on a pathway with a standing assignment and did not have it. */
  assigned: string[];
  meetingsPlanned: number;
}

/**
 * People on a pathway with a running standing assignment who follow none of its programme yet, from
 * any year (a new early-career teacher in the staff list, a pathway changed), are assigned it, with
 * their meetings from the week they are found on it; the planner's tenant pass runs this before it
 * plans, so their reminders and the "no mentor" notices follow as for everyone else. Idempotent: the
 * assignment's id is the person's, programme's and year's, and everything is written
 * create-if-absent. A standing assignment that cannot assign anyone (no autumn term for its year,
 * the programme gone) keeps why on itself for `programmes` to say to the lead, cleared once it can;
 * so do items it could not place yet.
 */
export async function assignPathwayJoiners(deps: Deps, tenant: Tenant): Promise<JoinersAssigned> {
  const out: JoinersAssigned = { assigned: [], meetingsPlanned: 0 };
  // The latest first year first: someone joining while two cohorts' assignments run starts with the newer one.
  const running = (await runningPathwayAssignments(deps, tenant)).sort((a, b) => b.firstYear.localeCompare(a.firstYear));
  if (running.length === 0) return out;
  const programmes = await tenantProgrammes(deps, tenant.id);
  const fromWeek = mondayOf(localDateOf(deps.clock.now(), tenant.settings.timezone));
  // Who follows each programme, from any year (or ended): they are not given it a second time.
  const followers = new Map<string, Set<string>>();
  const followersOf = async (programmeId: string) => {
    if (!followers.has(programmeId)) followers.set(programmeId, new Set((await deps.store.programmeAssignments.find(tenant.id, { where: { programmeId } })).map((v) => v.value.menteeId)));
    return followers.get(programmeId)!;
  };
  for (const standing of running) {
    const programme = programmes.find((p) => p.id === standing.programmeId);
    if (!programme) {
      await note(deps, standing, 'problem', 'its programme is no longer there, so nobody joining the pathway is given it: end it with "programmes unassign"');
      continue;
    }
    const following = await followersOf(programme.id);
    const onPathway = (await deps.store.staff.find(tenant.id, { where: { pathway: standing.pathway, active: true } })).map((v) => v.value);
    const joiners = onPathway.filter((p) => !following.has(p.id)).sort((a, b) => a.id.localeCompare(b.id));
    if (joiners.length === 0) {
      await note(deps, standing, 'problem', undefined);
      continue;
    }
    const result = await assignProgramme(deps, tenant, {
      programme,
      menteeIds: joiners.map((p) => p.id),
      firstYear: standing.firstYear,
      assignedBy: standing.assignedBy,
      joined: { pathwayAssignmentId: standing.id, fromWeek },
    });
    if (!result.ok) {
      await note(deps, standing, 'problem', `${joiners.length === 1 ? 'one person' : `${joiners.length} people`} on the pathway could not be given it: ${result.message.replace(/^Nothing was assigned: /, '').replace(/\.$/, '')}`);
      continue;
    }
    await note(deps, standing, 'problem', undefined);
    await note(deps, standing, 'unplaced', result.unplaced.length > 0 ? result.unplaced.join('; ') : undefined);
    for (const p of joiners) following.add(p.id);
    out.assigned.push(...joiners.map((p) => p.id));
    out.meetingsPlanned += result.meetingsPlanned;
  }
  return out;
}

/** Writes a note (or that nothing is wrong now) only when it changed, so a quiet tenant pass writes nothing. */
async function note(deps: Deps, standing: PathwayAssignment, field: 'problem' | 'unplaced', text: string | undefined): Promise<void> {
  if (standing[field] === text) return;
  await updateWithRetry(deps.store.pathwayAssignments, standing.tenantId, standing.id, (current) => {
    if (current[field] === text) return undefined;
    const rest = { ...current };
    delete rest[field];
    return text ? { ...rest, [field]: text.slice(0, 500) } : rest;
  });
}
