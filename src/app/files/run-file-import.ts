import type { SchoolFileKind } from '../../cards/views/setup';
import { countOf } from '../../cards/format';
import { ROLE_LABELS, type Role } from '../../domain';
import { headerKey, readCsvLines } from '../../imports/csv-rows';
import { importCalendar } from '../../imports/import-calendar';
import { importProgramme } from '../../imports/import-programme';
import { importQualifications, QUALIFICATION_ALIASES } from '../../imports/import-qualifications';
import type { ImportResult, RowError } from '../../imports/import-result';
import { applyStaffImportPlan, planStaffImport, type StaffChange } from '../../imports/import-staff';
import { rosterMentoringLines } from '../../imports/roster-mentors';
import { importStatutoryTraining, STATUTORY_ALIASES } from '../../imports/import-statutory-training';
import { PROGRAMME_HEADER_ALIASES } from '../../imports/programme-row';
import type { AppDeps } from '../deps';
import { importProgrammes } from '../mentoring';
import type { Actor } from '../people';
import { importTemplates } from '../questionnaires';

/** What checking (or importing) a file found: the same shape for every kind, so one card shows it. */
export interface FileImportOutcome {
  /** False: the file is refused as a whole and nothing was (or would be) written. */
  accepted: boolean;
  refusal?: string;
  /** Records that would change (or did): 0 means the file is already in. */
  changes: number;
  summary: string[];
  details: string[];
  errors: RowError[];
  notes: string[];
  /** Staff list: people stored and active but not in the file (the lead importing aside). */
  leavers?: number;
}

export interface FileImportRun {
  kind: SchoolFileKind;
  fileName: string;
  text: string;
  /** Check and count only. */
  dryRun: boolean;
  /** Programme only: new sessions are published (invitations go out) instead of kept as drafts. */
  publish?: boolean;
  /** Staff list only: those stored but not in the file are marked inactive (the whole staff was sent). */
  markLeavers?: boolean;
}

const MAX_DETAILS = 25;

const capped = (lines: string[]): string[] => (lines.length <= MAX_DETAILS ? lines : [...lines.slice(0, MAX_DETAILS), `… and ${lines.length - MAX_DETAILS} more`]);

/**
 * Runs one import for a file sent in chat, whole (never --skip-bad): a dry run for the preview,
 * then the same code again, writing, when the lead presses Import. Re-running a file already in
 * changes nothing, as every import matches what is stored.
 */
export async function runFileImport(deps: AppDeps, actor: Actor, run: FileImportRun): Promise<FileImportOutcome> {
  switch (run.kind) {
    case 'staff':
      return staffImport(deps, actor, run);
    case 'calendar':
      return calendarImport(deps, actor, run);
    case 'programme': {
      const result = await importProgramme(deps, actor.tenant, run.text, { now: deps.clock.now(), dryRun: run.dryRun, publish: run.publish ?? false });
      return fromCounts(result, 'session', run, PROGRAMME_HEADER_ALIASES);
    }
    case 'statutory':
      return fromCounts(await importStatutoryTraining(deps, actor.tenant, run.text, deps.clock.now(), { dryRun: run.dryRun }), 'training record', run, STATUTORY_ALIASES);
    case 'qualifications':
      return fromCounts(await importQualifications(deps, actor.tenant, run.text, deps.clock.now(), { dryRun: run.dryRun }), 'qualification', run, QUALIFICATION_ALIASES);
    // The CLI's own `templates import` and `programmes import`: chat and the CLI cannot disagree.
    case 'questionnaire-templates': {
      const result = await importTemplates(deps, actor.tenant.id, run.text, { dryRun: run.dryRun });
      return fromNames(result.ok ? { ...result, unchanged: result.unchanged.length } : result, 'template', run);
    }
    case 'mentoring-programmes':
      return fromNames(await importProgrammes(deps, actor.tenant.id, run.text, { dryRun: run.dryRun }), 'programme', run);
  }
}

/** A JSON file's outcome: what is added and changed by name; its problems name the template or programme and the field, with no row. */
function fromNames(result: { ok: true; created: string[]; updated: string[]; unchanged: number } | { ok: false; problems: string[] }, noun: string, run: FileImportRun): FileImportOutcome {
  if (!result.ok) {
    const errors = result.problems.map((reason) => ({ row: 0, reason }));
    return { accepted: false, refusal: `Nothing was imported: ${countOf(errors.length, 'problem')} to fix.`, changes: 0, summary: [], details: [], errors, notes: [] };
  }
  const verb = run.dryRun ? 'would be ' : '';
  const summary = [`${countOf(result.created.length, noun)} ${verb}added`, `${result.updated.length} ${verb}changed`, `${result.unchanged} unchanged`];
  const details = capped([...result.created.map((n) => `add: "${n}"`), ...result.updated.map((n) => `change: "${n}"`)]);
  return { accepted: true, changes: result.created.length + result.updated.length, summary, details, errors: [], notes: [] };
}

/** "expires: Invalid date" → "Expiry date: Invalid date": problems in the file's own headings. */
function inFileHeadings(text: string, aliases: Record<string, string>, errors: RowError[]): RowError[] {
  const read = readCsvLines(text);
  if (!read.ok) return errors;
  const heading = new Map<string, string>();
  for (const cell of read.lines[0]!.cells) {
    const key = aliases[headerKey(cell)] ?? headerKey(cell);
    if (!heading.has(key)) heading.set(key, cell);
  }
  return errors.map((e) => ({ row: e.row, reason: e.reason.replace(/^([a-z]+)(?=[:.])/, (key) => heading.get(key) ?? key) }));
}

function fromCounts(result: ImportResult, noun: string, run: FileImportRun, aliases: Record<string, string>): FileImportOutcome {
  const errors = inFileHeadings(run.text, aliases, result.errors);
  // The CLI's hints (npm run cli …) mean nothing in chat.
  const ignored = result.ignored ?? [];
  const notes = [...(ignored.length > 0 ? [`Columns not used: ${ignored.join(', ')}.`] : []), ...(result.notes ?? []).filter((n) => !n.includes('npm run cli'))];
  if (!result.ok) return { accepted: false, refusal: result.message, changes: 0, summary: [], details: [], errors, notes };
  const c = result.counts;
  const verb = run.dryRun ? 'would be ' : '';
  const summary = [`${countOf(c.created, noun)} ${verb}added`, `${c.updated} ${verb}updated`, `${c.unchanged} unchanged`];
  if (run.kind === 'programme' && c.created > 0) {
    summary.push(run.publish ? 'new sessions published: invitations go out at the next allowed time' : run.dryRun ? 'new sessions: published now (Import and invite) or kept as drafts (Import as drafts)' : 'new sessions kept as drafts: nobody is invited until you publish them');
  }
  return { accepted: true, changes: c.created + c.updated, summary, details: [], errors, notes };
}

function describe(change: StaffChange): string {
  const who = `${change.doc.name}, ${change.doc.email}`;
  if (change.kind === 'update') return `update: ${who} (${change.fields.join(', ')})`;
  if (change.kind === 'deactivate') return `leaver: ${who} (not in the file: marked inactive, records kept)`;
  return `add: ${who}${change.doc.jobTitle ? `, ${change.doc.jobTitle}` : ''}`;
}

/** Roles a change gives that the person did not have ("would make Dawn Cooper CPD lead"). */
function newRoles(change: StaffChange): Role[] {
  const before = new Set(change.before?.value.roles ?? ['staff']);
  return change.doc.roles.filter((r) => !before.has(r) && r !== 'staff');
}

/**
 * A Role column that does not say "CPD lead" for the lead importing would take their own role
 * away and lock them out of the Import they are pressing: they keep it, and are told.
 */
function keepOwnLeadRole(change: StaffChange, actor: Actor, notes: string[]): StaffChange {
  if (change.doc.id !== actor.staff.id || change.doc.roles.includes('cpd-lead') || !actor.staff.roles.includes('cpd-lead')) return change;
  notes.push(`You stay a CPD lead although the file does not say so (your own role is not removed by a file you import).`);
  const doc = { ...change.doc, roles: [...change.doc.roles, 'cpd-lead' as const] };
  const fields = change.fields.filter((f) => f !== 'role' || !change.before || doc.roles.length !== change.before.value.roles.length || doc.roles.some((r) => !change.before!.value.roles.includes(r)));
  const kind = change.kind === 'update' && fields.length === 0 ? ('unchanged' as const) : change.kind;
  return { ...change, kind, doc, fields };
}

async function staffImport(deps: AppDeps, actor: Actor, run: FileImportRun): Promise<FileImportOutcome> {
  // Leavers are marked only when the lead asks (Import and mark leavers), and never the lead importing.
  const markLeavers = run.markLeavers === true;
  const plan = await planStaffImport(deps, actor.tenant, run.text, { deactivateMissing: markLeavers });
  const notes = [...plan.notes, ...(plan.ignored.length > 0 ? [`Columns not used: ${plan.ignored.join(', ')}.`] : [])];
  if (!plan.ok) {
    const refusal = plan.message.replace('--deactivate-missing', 'marking leavers');
    return { accepted: false, refusal, changes: 0, summary: [], details: [], errors: plan.errors, notes };
  }
  const changes = plan.changes.filter((c) => !(c.kind === 'deactivate' && c.doc.id === actor.staff.id)).map((c) => keepOwnLeadRole(c, actor, notes));
  const count = (kind: StaffChange['kind']) => changes.filter((c) => c.kind === kind).length;
  const verb = run.dryRun ? 'would be ' : '';
  const summary = [`${countOf(count('create'), 'person', 'people')} ${verb}added`, `${count('update')} ${verb}updated`];
  if (markLeavers) summary.push(`${countOf(count('deactivate'), 'leaver')} ${verb}marked inactive`);
  summary.push(`${count('unchanged')} unchanged`);
  const roles = changes.flatMap((c) => newRoles(c).map((r) => `${run.dryRun ? 'would make' : 'made'} ${c.doc.name} ${ROLE_LABELS[r]}`));
  if (roles.length > 0) summary.push(`roles: ${roles.slice(0, 10).join('; ')}${roles.length > 10 ? `; and ${roles.length - 10} more` : ''}`);
  let leavers: string[] = [];
  if (!markLeavers) {
    const inFile = new Set(changes.map((c) => c.doc.email));
    leavers = (await deps.store.staff.find(actor.tenant.id, { where: { active: true } })).map((v) => v.value).filter((s) => !inFile.has(s.email) && s.id !== actor.staff.id).map((s) => s.name).sort();
    if (leavers.length > 0) {
      summary.push(`${countOf(leavers.length, 'person', 'people')} in the staff list but not in this file (${leavers.slice(0, 10).join(', ')}${leavers.length > 10 ? ', …' : ''}): ${run.dryRun ? 'kept as they are, unless you press Import and mark leavers' : 'kept as they are'}`);
    }
  }
  // Schools and posts (headteacher, executive lead, booker) the file names, as the CLI's import says them.
  const posts = [...plan.settings.lines.map((l) => l.trim()), ...plan.settings.warnings].map((l) => (run.dryRun ? l : l.replace(/^would /, '')));
  if (posts.length > 0) summary.push(...posts.slice(0, 10), ...(posts.length > 10 ? [`and ${posts.length - 10} more about schools and posts`] : []));
  summary.push(...rosterMentoringLines(plan.mentoring, run.dryRun));
  if (!run.dryRun) {
    const { unset } = await applyStaffImportPlan(deps, { ...plan, changes }, undefined, { by: actor.staff.id, byName: actor.staff.name });
    notes.push(...unset);
  }
  return {
    accepted: true,
    changes: changes.filter((c) => c.kind !== 'unchanged').length + plan.mentoring.changes.length,
    summary,
    details: capped(changes.filter((c) => c.kind !== 'unchanged').map(describe)),
    errors: plan.errors,
    notes,
    ...(leavers.length > 0 ? { leavers: leavers.length } : {}),
  };
}

async function calendarImport(deps: AppDeps, actor: Actor, run: FileImportRun): Promise<FileImportOutcome> {
  const result = await importCalendar(deps, actor.tenant, run.text, run.fileName, { dryRun: run.dryRun });
  const notes = result.ignored.length > 0 ? [`Not term dates, holidays or INSET days (ignored): ${result.ignored.join(', ')}.`] : [];
  if (!result.ok) return { accepted: false, refusal: result.message, changes: 0, summary: [], details: [], errors: result.errors, notes };
  const { terms, holidays, insetDays } = result.counts;
  const summary = [`${countOf(terms, 'term')}, ${countOf(holidays, 'holiday')}, ${countOf(insetDays, 'INSET day')} in the file`, result.changed ? (run.dryRun ? 'the calendar would change' : 'the calendar is updated') : 'the calendar already has these dates'];
  const details = capped([
    ...result.calendar.terms.map((t) => `term: ${t.name ?? ''} ${t.start} to ${t.end}`.replace('  ', ' ')),
    ...result.calendar.holidays.map((h) => `holiday: ${h.name ?? ''} ${h.start} to ${h.end}`.replace('  ', ' ')),
    ...(result.calendar.insetDays ?? []).map((d) => `INSET day: ${d.start}${d.end !== d.start ? ` to ${d.end}` : ''}`),
  ]);
  return { accepted: true, changes: result.changed ? 1 : 0, summary, details, errors: [], notes };
}
