import { countOf } from '../../cards/format';
import type { CardView } from '../../cards/views';
import { Pathway, type Staff } from '../../domain';
import type { AppDeps } from '../deps';
import { notice } from '../notice';
import type { Actor } from '../people';
import { schoolFileDownload, schoolFileExport } from '../school-file-links';
import { findPersonNamed } from './find-person';
import { assignProgramme, copyProgramme, findProgrammeNamed, tenantProgrammes } from './programmes';

const TITLE = 'Mentoring programmes';
const SEND_BACK = 'Change your own programmes in the file (the built-in ones are read only), then send it back to me here: I show what would change, and nothing is imported until you press Import.';
const HOW =
  'Say "programmes copy <name>" to make your own copy to change, and "programmes export" for the file: change it and send it back to me here, and I show what would change before anything is imported (IT can use npm run cli -- programmes export / programmes import). Say "programmes assign <name> to <person>" or "… to pathway ect" (add a year, e.g. 2027-28, to start later).';

const PATHWAY_WORDS: Record<string, Pathway> = { ect: 'ect', 'early career': 'ect', 'developing teacher': 'developing-teacher', 'developing excellence': 'developing-excellence', 'support staff': 'support-staff', leadership: 'leadership' };

/** `programmes` (CPD leads): list the mentoring programmes, copy one, assign one to a person or a pathway (issue 30). */
export async function programmesCommand(deps: AppDeps, actor: Actor, argument: string): Promise<CardView> {
  const text = argument.trim();
  if (/^export$/i.test(text)) return schoolFileExport(deps, actor.tenant.id, actor.staff.id, 'programmes.json', { title: TITLE, label: 'Download programmes.json', sendBack: SEND_BACK });
  const programmes = await tenantProgrammes(deps, actor.tenant.id);
  const copy = /^copy\s+(.+)$/i.exec(text);
  const assign = /^assign\s+(.+?)\s+to\s+(.+?)(?:\s+(\d{4}-\d{2}))?$/i.exec(text);
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
    const lines = [
      `"${found.programme.name}" for ${who.label}: ${countOf(result.assigned, 'person', 'people')} assigned${result.alreadyAssigned ? `, ${result.alreadyAssigned} already on it` : ''}; ${countOf(result.meetingsPlanned, 'meeting')} planned.`,
      ...result.unplaced.map((r) => `Not planned yet: ${r}.`),
      ...(result.withoutSupporter.length > 0 ? [`${countOf(result.withoutSupporter.length, 'person', 'people')} have no supporter yet in a role the programme needs: set one with "mentor <person> <role> <mentor>" or the staff list.`] : []),
    ];
    return notice(result.unplaced.length > 0 || result.withoutSupporter.length > 0 ? 'attention' : 'good', lines.join('\n'), TITLE);
  }
  if (text) return notice('attention', HOW, TITLE);
  const lines = programmes.map((p) => `• ${p.name} (${countOf(p.items.length, 'meeting')}${p.years === 2 ? ' over two years' : ''}${p.id.startsWith('builtin-') ? ', built in' : ''})`);
  const download = schoolFileDownload(deps, actor.tenant.id, actor.staff.id, 'programmes.json', 'Download programmes.json');
  const view = notice('info', [...lines, HOW].join('\n'), TITLE);
  return download ? { ...view, download } : view;
}

async function namedPeople(deps: AppDeps, actor: Actor, text: string): Promise<{ ok: true; people: Staff[]; label: string } | { ok: false; message: string }> {
  const pathway = /^pathway\s+(.+)$/i.exec(text.trim());
  if (pathway) {
    const words = pathway[1]!.trim().toLowerCase();
    const parsed = Pathway.safeParse(words);
    const wanted = parsed.success ? parsed.data : PATHWAY_WORDS[words];
    if (!wanted) return { ok: false, message: `"${pathway[1]}" is not a pathway (use ect, developing teacher, developing excellence, support staff or leadership).` };
    const people = (await deps.store.staff.find(actor.tenant.id, { where: { pathway: wanted, active: true } })).map((v) => v.value);
    if (people.length === 0) return { ok: false, message: `Nobody is on the ${words} pathway (the staff list's Pathway column sets it).` };
    return { ok: true, people, label: `the ${words} pathway` };
  }
  const person = await findPersonNamed(deps, actor.tenant.id, text);
  return person.ok ? { ok: true, people: [person.staff], label: person.staff.name } : person;
}
