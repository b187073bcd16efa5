import { countOf } from '../../cards/format';
import type { CardView } from '../../cards/views';
import { lastYearOf, Pathway, type MentoringProgramme, type Staff } from '../../domain';
import type { AppDeps } from '../deps';
import { notice } from '../notice';
import type { Actor } from '../people';
import { schoolFileExport, withSchoolFileDownload } from '../school-file-links';
import { findPersonNamed } from './find-person';
import { endPathwayAssignments, rememberPathwayAssignment, runningPathwayAssignments } from './pathway-assignments';
import { assignProgramme, copyProgramme, findProgrammeNamed, tenantProgrammes } from './programmes';

const TITLE = 'Mentoring programmes';
const SEND_BACK = 'Change your own programmes in the file (the built-in ones are read only), then send it back to me here: I show what would change, and nothing is imported until you press Import.';
const HOW =
  'Say "programmes copy <name>" to make your own copy to change, and "programmes export" for the file: change it and send it back to me here, and I show what would change before anything is imported (IT can use npm run cli -- programmes export / programmes import). Say "programmes assign <name> to <person>" or "… to pathway ect" (add a year, e.g. 2027-28, to start later).';

const PATHWAY_WORDS: Record<string, Pathway> = { ect: 'ect', 'early career': 'ect', 'developing teacher': 'developing-teacher', 'developing excellence': 'developing-excellence', 'support staff': 'support-staff', leadership: 'leadership' };

/** What assigning to a pathway does beyond today, said beside HOW. */
const PATHWAY_HOW = 'A pathway keeps its programme for people who join it later, until "programmes unassign <name> from pathway ect".';

/** `programmes` (CPD leads): list the mentoring programmes, copy one, assign one to a person or a pathway (issue 30), end a pathway's. */
export async function programmesCommand(deps: AppDeps, actor: Actor, argument: string): Promise<CardView> {
  const text = argument.trim();
  if (/^export$/i.test(text)) return schoolFileExport(deps, actor.tenant.id, actor.staff.id, 'programmes.json', { title: TITLE, sendBack: SEND_BACK });
  const programmes = await tenantProgrammes(deps, actor.tenant.id);
  const copy = /^copy\s+(.+)$/i.exec(text);
  const assign = /^assign\s+(.+?)\s+to\s+(.+?)(?:\s+(\d{4}-\d{2}))?$/i.exec(text);
  const unassign = /^unassign\s+(.+?)\s+from\s+pathway\s+(.+?)(?:\s+(\d{4}-\d{2}))?$/i.exec(text);
  if (copy) {
    const found = findProgrammeNamed(programmes, copy[1]!);
    if (!found.ok) return notice('attention', found.message, TITLE);
    const copied = await copyProgramme(deps, actor.tenant.id, found.programme);
    return notice(copied.created ? 'good' : 'info', `${copied.created ? 'Copied' : 'You already have a copy'}: "${copied.programme.name}" (${countOf(copied.programme.items.length, 'meeting')}). ${HOW}`, TITLE);
  }
  if (assign) {
    const found = findProgrammeNamed(programmes, assign[1]!);
    if (!found.ok) return notice('attention', found.message, TITLE);
    const who = await namedPeople(deps, actor, assign[2]!);
    if (!who.ok) return notice('attention', who.message, TITLE);
    const result = await assignProgramme(deps, actor.tenant, { programme: found.programme, menteeIds: who.people.map((p) => p.id), ...(assign[3] ? { firstYear: assign[3] } : {}), assignedBy: actor.staff.id });
    if (!result.ok) return notice('attention', result.message, TITLE);
    // A pathway's assignment is remembered: people who join the pathway later are given it by the planner (pathway-assignments.ts).
    const standing = who.pathway ? await rememberPathwayAssignment(deps, actor.tenant, { pathway: who.pathway, programme: found.programme, firstYear: result.firstYear, by: actor.staff.id }) : undefined;
    const lines = [
      who.people.length === 0
        ? `"${found.programme.name}" for ${who.label}: nobody is on it yet (the staff list's Pathway column sets it).`
        : `"${found.programme.name}" for ${who.label}: ${countOf(result.assigned, 'person', 'people')} assigned${result.alreadyAssigned ? `, ${result.alreadyAssigned} already on it` : ''}; ${countOf(result.meetingsPlanned, 'meeting')} planned.`,
      ...(standing && who.pathway ? [standingLine(standing, who.pathway, found.programme.name, lastYearOf(result.firstYear, found.programme.years))] : []),
      ...result.unplaced.map((r) => `Not planned yet: ${r}.`),
      ...(result.withoutSupporter.length > 0 ? [`${countOf(result.withoutSupporter.length, 'person has', 'people have')} no supporter yet in a role the programme needs: set one with "mentor <person> <role> <mentor>" or the staff list.`] : []),
    ];
    return notice(result.unplaced.length > 0 || result.withoutSupporter.length > 0 ? 'attention' : 'good', lines.join('\n'), TITLE);
  }
  if (unassign) {
    const found = findProgrammeNamed(programmes, unassign[1]!);
    if (!found.ok) return notice('attention', found.message, TITLE);
    const pathway = pathwayNamed(unassign[2]!);
    if (!pathway.ok) return notice('attention', pathway.message, TITLE);
    const ended = await endPathwayAssignments(deps, actor.tenant, { pathway: pathway.pathway, programmeId: found.programme.id, ...(unassign[3] ? { firstYear: unassign[3] } : {}), by: actor.staff.id });
    if (ended.length === 0) return notice('attention', `"${found.programme.name}" is not assigned to the ${pathwayLabel(pathway.pathway)} pathway${unassign[3] ? ` from ${unassign[3]}` : ''}: say "programmes" to see what is.`, TITLE);
    return notice(
      'good',
      `"${found.programme.name}" is no longer assigned to the ${pathwayLabel(pathway.pathway)} pathway (from ${ended.map((a) => a.firstYear).join(', ')}): people who join it from now on are not given it. Those already following it keep their meetings.`,
      TITLE,
    );
  }
  if (text) return notice('attention', `${HOW} ${PATHWAY_HOW}`, TITLE);
  const lines = programmes.map((p) => `• ${p.name} (${countOf(p.items.length, 'meeting')}${p.years === 2 ? ' over two years' : ''}${p.id.startsWith('builtin-') ? ', built in' : ''})`);
  const standing = await standingLines(deps, actor, programmes);
  const view = notice(standing.some((l) => l.includes('Not working:')) ? 'attention' : 'info', [...lines, ...standing, HOW, PATHWAY_HOW].join('\n'), TITLE);
  return withSchoolFileDownload(view, deps, actor.tenant.id, actor.staff.id, 'programmes.json');
}

const pathwayLabel = (p: Pathway) => p.replace(/-/g, ' ');

function standingLine(outcome: 'remembered' | 'already' | 'restarted', pathway: Pathway, name: string, lastYear: string): string {
  if (outcome === 'already') return `It already stands for the ${pathwayLabel(pathway)} pathway: whoever joins it is given it too.`;
  return `Whoever joins the ${pathwayLabel(pathway)} pathway until the end of ${lastYear} is given it too, with their meetings from the week they join (say "programmes unassign ${name} from pathway ${pathwayLabel(pathway)}" to stop).`;
}

/** The standing pathway assignments still running, for the lead's list: what, since when, who joined, and what is wrong. */
async function standingLines(deps: AppDeps, actor: Actor, programmes: readonly MentoringProgramme[]): Promise<string[]> {
  const running = await runningPathwayAssignments(deps, actor.tenant);
  if (running.length === 0) return [];
  const lines = ['Assigned to a pathway (people who join it are given it too):'];
  for (const a of running) {
    const name = programmes.find((p) => p.id === a.programmeId)?.name ?? a.programmeId;
    const joined = (await deps.store.programmeAssignments.find(actor.tenant.id, { where: { programmeId: a.programmeId } })).filter((v) => v.value.viaPathway === a.id).length;
    const years = a.lastYear === a.firstYear ? a.firstYear : `${a.firstYear} to ${a.lastYear}`;
    lines.push(
      `• ${name}: the ${pathwayLabel(a.pathway)} pathway, ${years}; ${countOf(joined, 'person has', 'people have')} joined since${a.problem ? `. Not working: ${a.problem}` : ''}${a.unplaced ? `. Not planned yet for those who joined: ${a.unplaced}; say "programmes assign" for the pathway again once it can be` : ''}`,
    );
  }
  return lines;
}

type PathwayFound = { ok: true; pathway: Pathway } | { ok: false; message: string };

function pathwayNamed(text: string): PathwayFound {
  const words = text.trim().toLowerCase();
  const parsed = Pathway.safeParse(words);
  const wanted = parsed.success ? parsed.data : PATHWAY_WORDS[words];
  return wanted ? { ok: true, pathway: wanted } : { ok: false, message: `"${text.trim().slice(0, 100)}" is not a pathway (use ect, developing teacher, developing excellence, support staff or leadership).` };
}

async function namedPeople(deps: AppDeps, actor: Actor, text: string): Promise<{ ok: true; people: Staff[]; label: string; pathway?: Pathway } | { ok: false; message: string }> {
  const named = /^pathway\s+(.+)$/i.exec(text.trim());
  if (named) {
    const pathway = pathwayNamed(named[1]!);
    if (!pathway.ok) return pathway;
    // Nobody on it yet is fine: the assignment stands for whoever joins (pathway-assignments.ts).
    const people = (await deps.store.staff.find(actor.tenant.id, { where: { pathway: pathway.pathway, active: true } })).map((v) => v.value);
    return { ok: true, people, label: `the ${pathwayLabel(pathway.pathway)} pathway`, pathway: pathway.pathway };
  }
  const person = await findPersonNamed(deps, actor.tenant.id, text);
  return person.ok ? { ok: true, people: [person.staff], label: person.staff.name } : person;
}
