import { countOf } from '../domain/count-of';
import { deterministicId, Staff, type Role, type Tenant } from '../domain';
import { changeSettings, type SettingsChanger } from '../app/tenants';
import { systemClock, type Clock } from '../domain/clock';
import type { Versioned } from '../store/port';
import type { Store } from '../store/store';
import { sameRecord } from './csv-rows';
import type { ImportCounts, ImportOptions, ImportResult, RowError } from './import-result';
import { managerLoops } from './manager-loops';
import type { NamedPerson } from './person-names';
import { personOfCell } from './person-cell';
import { readRoster, type ReadRosterRow } from './read-roster';
import type { ColumnMap, RosterField } from './roster-headings';
import { planRosterSettings, withRosterSchools, type RosterSettingsPlan } from './roster-settings';
import { POSITION_ROLES } from './staff-roster-row';
import { localDateOf } from '../domain/school-time';
import { applyRosterMentors, mentorProblem, planRosterMentors, rosterMentoringLines, type RosterMentorChange, type RosterMentors } from './roster-mentors';

export function staffIdFor(email: string): string {
  return deterministicId('staff', email.toLowerCase());
}

export interface StaffImportOptions extends ImportOptions {
  /** `--map`: file heading → field, over the alias table. */
  map?: ColumnMap;
  /** The file is the whole staff: anyone stored and active but not in it is marked inactive. */
  deactivateMissing?: boolean;
}

export type StaffChangeKind = 'create' | 'update' | 'unchanged' | 'deactivate';

export interface StaffChange {
  kind: StaffChangeKind;
  doc: Staff;
  before?: Versioned<Staff>;
  /** For updates: which fields change, in words. */
  fields: string[];
}

export type StaffImportPlan =
  | { ok: true; changes: StaffChange[]; errors: RowError[]; ignored: string[]; notes: string[]; skipped: number; settings: RosterSettingsPlan; mentoring: RosterMentoringPlan }
  | { ok: false; message: string; errors: RowError[]; ignored: string[]; notes: string[] };

/** What the roster's mentoring columns change (issue 30), on the local day the file is read; names for the lines said. */
export interface RosterMentoringPlan {
  today: string;
  changes: RosterMentorChange[];
  names: Record<string, string>;
}

/**
 * The file says what people do; anyone named as a line manager gets that role too, and an
 * admin role given by an operator is kept (rosters do not carry it).
 */
function rolesFor(fromFile: readonly Role[] | undefined, before: readonly Role[], managesSomeone: boolean, fromPosts: readonly Role[]): Role[] {
  const roles = new Set<Role>(fromFile ?? (before.length > 0 ? before.filter((r) => r !== 'line-manager') : ['staff']));
  // A job title that names a post (Headteacher, CPD Lead, Mentor) brings its role.
  for (const role of fromPosts) roles.add(role);
  if (managesSomeone) roles.add('line-manager');
  if (before.includes('admin')) roles.add('admin');
  return [...roles];
}

const FIELD_WORDS: Record<string, string> = {
  name: 'name',
  roles: 'role',
  schoolId: 'school',
  department: 'department',
  jobTitle: 'job title',
  pathway: 'pathway',
  lineManagerId: 'line manager',
  active: 'active',
};

function changedFields(before: Staff, next: Staff): string[] {
  return Object.keys(FIELD_WORDS).filter((k) => !sameRecord((before as Record<string, unknown>)[k], (next as Record<string, unknown>)[k])).map((k) => FIELD_WORDS[k]!);
}

/**
 * Works out what importing a roster would change, writing nothing: rows are read, line managers
 * resolved (by e-mail, or by a name that fits exactly one person in the file or the staff list)
 * and compared with the people already stored. `--dry-run` prints this; `applyStaffImport` writes it.
 */
export async function planStaffImport(deps: { store: Store; clock?: Clock }, tenant: Tenant, csvText: string, options: StaffImportOptions = {}): Promise<StaffImportPlan> {
  const read = readRoster(csvText, options.map ?? new Map());
  if (!read.ok) return { ok: false, message: read.message, errors: [], ignored: read.ignored, notes: [] };
  const { roster } = read;
  const { ignored, notes } = roster;
  const errors: RowError[] = [...roster.errors];

  let good: ReadRosterRow[] = [];
  const seen = new Map<string, number>();
  for (const r of roster.rows) {
    const first = seen.get(r.data.email);
    if (first !== undefined) {
      errors.push({ row: r.row, reason: `${r.headings.email}: ${r.data.email} is already on row ${first} (one row per person: for someone at two schools, keep the row of their main school)` });
      continue;
    }
    seen.set(r.data.email, r.row);
    good.push(r);
  }

  const existing = new Map((await deps.store.staff.find(tenant.id)).map((v) => [v.value.email, v]));
  // The School / Site column names the tenant's schools: new ones are planned, none is dropped.
  const planned = withRosterSchools(tenant, good.map((g) => g.data.school));
  const schoolOf = (text: string | undefined): string | undefined | null => {
    // A stand-alone school that names only itself lists no schools: the column then says nothing we need.
    if (text === undefined || planned.tenant.schools.length === 0) return undefined;
    const match = planned.tenant.schools.find((s) => s.id === text || s.name.toLowerCase() === text.trim().toLowerCase());
    return match ? match.id : null;
  };

  // Stored people may already name someone this file adds (by the id their e-mail gives them).
  const emailOfId = new Map([...good.map((g) => [staffIdFor(g.data.email), g.data.email] as const), ...[...existing.values()].map((v) => [v.value.id, v.value.email] as const)]);
  const storedManagers = new Map([...existing.values()].map((v) => [v.value.email, v.value.lineManagerId ? emailOfId.get(v.value.lineManagerId) : undefined]));
  // Resolve managers to a fixpoint: dropping a bad row (or a loop of managers) can orphan the people it managed.
  const managerOf = new Map<number, string | undefined>();
  const mentorsOf: RosterMentors = new Map();
  for (let changed = true; changed; ) {
    changed = false;
    const people = new Map<string, NamedPerson>([...existing.values()].map((v) => [v.value.email, { email: v.value.email, names: [v.value.name, ...(v.value.otherNames ?? [])] }]));
    for (const g of good) people.set(g.data.email, { email: g.data.email, names: g.names });
    const kept: ReadRosterRow[] = [];
    for (const g of good) {
      const reason = managerProblem(g, people, managerOf) ?? (schoolOf(g.data.school) === null ? `${g.headings.school}: unknown school "${g.data.school}" (use one of: ${tenant.schools.map((s) => s.name).join(', ')})` : undefined) ?? mentorProblem(g, people, mentorsOf);
      if (reason) {
        errors.push({ row: g.row, reason });
        changed = true;
      } else kept.push(g);
    }
    if (roster.present.has('lineManager')) {
      const loops = managerLoops(kept.map((g) => ({ row: g.row, email: g.data.email, manager: managerOf.get(g.row) })), storedManagers, kept[0]?.headings.lineManager ?? 'line manager');
      const looped = new Set(loops.map((e) => e.row));
      errors.push(...loops);
      if (looped.size > 0) changed = true;
      good = kept.filter((g) => !looped.has(g.row));
    } else good = kept;
  }
  errors.sort((a, b) => a.row - b.row);
  if (errors.length > 0 && options.deactivateMissing) {
    return { ok: false, message: 'Nothing was imported: --deactivate-missing needs a file with no bad rows (a bad row could hide someone who has not left).', errors, ignored, notes };
  }
  if (errors.length > 0 && !options.skipBad) {
    return { ok: false, message: `Nothing was imported: ${countOf(errors.length, 'problem')} to fix.`, errors, ignored, notes };
  }

  const idOf = (email: string): string => existing.get(email)?.value.id ?? staffIdFor(email);
  const managers = new Set(good.flatMap((g) => (managerOf.get(g.row) ? [managerOf.get(g.row)!] : [])));
  const changes: StaffChange[] = good.map(({ row, data, names }) => {
    const otherNames = names.filter((n) => n !== data.name).slice(0, 5);
    const before = existing.get(data.email);
    const has = (f: RosterField) => roster.present.has(f);
    const manager = managerOf.get(row);
    const next = Staff.parse({
      ...(before?.value ?? {}),
      tenantId: tenant.id,
      id: idOf(data.email),
      name: data.name,
      email: data.email,
      ...(has('name') ? { otherNames: otherNames.length > 0 ? otherNames : undefined } : {}),
      roles: rolesFor(has('role') ? data.roles : undefined, before?.value.roles ?? [], managers.has(data.email), data.positions.flatMap((p) => POSITION_ROLES[p] ?? [])),
      // A column the file does not have leaves what is stored alone (a Google export has no pathway).
      ...(has('school') ? { schoolId: schoolOf(data.school) ?? undefined } : {}),
      ...(has('department') ? { department: data.department } : {}),
      ...(has('jobTitle') ? { jobTitle: data.jobTitle } : {}),
      ...(has('pathway') ? { pathway: data.pathway } : {}),
      ...(has('lineManager') ? { lineManagerId: manager ? idOf(manager) : undefined } : {}),
      active: data.active,
    });
    if (!before) return { kind: 'create' as const, doc: next, fields: [] };
    if (sameRecord(before.value, next)) return { kind: 'unchanged' as const, doc: next, before, fields: [] };
    return { kind: 'update' as const, doc: next, before, fields: changedFields(before.value, next) };
  });

  if (options.deactivateMissing) {
    const inFile = new Set(good.map((g) => g.data.email));
    const leavers = [...existing.values()].filter((v) => v.value.active && !inFile.has(v.value.email));
    const stayers = [...existing.values()].filter((v) => inFile.has(v.value.email));
    if (leavers.length > 0 && stayers.length === 0) {
      return { ok: false, message: `Nothing was imported: nobody in this file is in ${tenant.name}'s staff list, so --deactivate-missing would mark all ${leavers.length} people as leavers. Is this the right school's file?`, errors, ignored, notes };
    }
    for (const v of leavers) changes.push({ kind: 'deactivate', doc: { ...v.value, active: false }, before: v, fields: ['active'] });
  }
  // The school each person will have (a file without a School column keeps the stored one).
  const people = good.map(({ data }, i) => ({ name: data.name, email: data.email, positions: data.positions, ...(changes[i]?.doc.schoolId ? { schoolId: changes[i]!.doc.schoolId } : {}) }));
  const settings = planRosterSettings(planned, people, idOf);
  const today = localDateOf((deps.clock ?? systemClock).now(), tenant.settings.timezone);
  const names = Object.fromEntries([...[...existing.values()].map((v) => [v.value.id, v.value.name] as const), ...good.map((g) => [idOf(g.data.email), g.data.name] as const)]);
  const mentoring = { today, changes: await planRosterMentors(deps, tenant.id, good, mentorsOf, idOf, today), names };
  return { ok: true, changes, errors, ignored, notes, skipped: roster.total - good.length, settings, mentoring };
}

function managerProblem(g: ReadRosterRow, people: ReadonlyMap<string, NamedPerson>, managerOf: Map<number, string | undefined>): string | undefined {
  const given = g.data.lineManager;
  managerOf.set(g.row, undefined);
  if (given === undefined) return undefined;
  const heading = g.headings.lineManager ?? 'line manager';
  const person = personOfCell(given, people, { heading, email: g.data.email, role: 'line manager' });
  if (!person.ok) return person.message;
  managerOf.set(g.row, person.email);
  return undefined;
}

/** Writes a plan: each person under the ETag read while planning, so a change made meanwhile is not overwritten. */
export async function applyStaffImport(deps: { store: Store }, changes: readonly StaffChange[], onProgress?: (done: number, total: number) => void): Promise<ImportCounts & { deactivated: number }> {
  const counts = { created: 0, updated: 0, unchanged: 0, skipped: 0, deactivated: 0 };
  let done = 0;
  for (const change of changes) {
    if (change.kind === 'unchanged') counts.unchanged += 1;
    else {
      const written = await deps.store.staff.put(change.doc, change.before ? { ifVersion: change.before.version } : {});
      if (!written.ok) throw new Error(`staff ${change.doc.id} changed while importing (${written.reason}); run the import again`);
      if (change.kind === 'create') counts.created += 1;
      else if (change.kind === 'update') counts.updated += 1;
      else counts.deactivated += 1;
    }
    onProgress?.(++done, changes.length);
  }
  return counts;
}

/** Who a roster's settings changes are recorded as in `settings history`. */
export const ROSTER_CHANGER: SettingsChanger = { by: 'import', byName: 'the staff list import' };

/**
 * The roster's schools, written before its people (so no one points at a school the tenant lacks);
 * the tenant must exist. Through the settings, so the change is checked and recorded.
 */
export async function applyRosterSchools(deps: { store: Store; clock: Clock }, plan: RosterSettingsPlan, changer: SettingsChanger = ROSTER_CHANGER): Promise<void> {
  if (plan.addedSchools.length === 0) return;
  const current = (await deps.store.tenants.get(plan.tenant.id, plan.tenant.id))?.value;
  if (!current) {
    // Not stored yet (an import's first write): the tenant is created with its schools.
    await deps.store.tenants.create(plan.tenant);
    return;
  }
  const names = [...(current?.schools ?? []).map((s) => s.name), ...plan.addedSchools.map((s) => s.name)];
  const result = await changeSettings(deps, plan.tenant.id, changer, { schools: names.join('; ') });
  if (!result.ok) throw new Error(`the schools could not be saved: ${result.message}`);
}

/** The headteachers, executive lead and booker the roster names, once its people are stored; what could not be set is returned to be said. */
export async function applyRosterPosts(deps: { store: Store; clock: Clock }, plan: RosterSettingsPlan, changer: SettingsChanger = ROSTER_CHANGER): Promise<string[]> {
  if (Object.keys(plan.values).length === 0) return [];
  const result = await changeSettings(deps, plan.tenant.id, changer, plan.values);
  if (result.ok) return [];
  return Object.keys(result.errors).length > 0 ? Object.entries(result.errors).map(([key, message]) => `${key}: ${message}`) : [result.message];
}

/**
 * Writes a whole accepted plan: the roster's new schools, then its people, then the posts it names
 * (headteachers, executive lead, booker). Every caller that applies a plan (the CLI, a file sent in
 * chat) uses this, so no one writes people pointing at schools the tenant lacks. Returns what the
 * posts could not be set to, to be said.
 */
export async function applyStaffImportPlan(
  deps: { store: Store; clock?: Clock },
  plan: Extract<StaffImportPlan, { ok: true }>,
  onProgress?: (done: number, total: number) => void,
  changer: SettingsChanger = ROSTER_CHANGER,
): Promise<ImportCounts & { deactivated: number; unset: string[]; mentors: number }> {
  // The settings history says when; without a clock (a script), the system's.
  const timed = { store: deps.store, clock: deps.clock ?? systemClock };
  await applyRosterSchools(timed, plan.settings, changer);
  const counts = await applyStaffImport(deps, plan.changes, onProgress);
  const unset = await applyRosterPosts(timed, plan.settings, changer);
  // Supporters last: a mentor new in this file is stored by now.
  const mentors = await applyRosterMentors(timed, plan.settings.tenant.id, plan.mentoring.changes, plan.mentoring.today);
  return { ...counts, skipped: plan.skipped, unset, mentors };
}

/**
 * Imports a staff roster CSV into one tenant: plan, then write. A file with bad rows writes
 * nothing unless `skipBad`. People are matched by e-mail, so re-importing the same file changes nothing.
 */
export async function importStaffRoster(deps: { store: Store; clock?: Clock }, tenant: Tenant, csvText: string, options: StaffImportOptions = {}): Promise<ImportResult> {
  const plan = await planStaffImport(deps, tenant, csvText, options);
  if (!plan.ok) return { ok: false, message: plan.message, errors: plan.errors, ignored: plan.ignored, notes: plan.notes };
  const { unset, mentors, ...counts } = await applyStaffImportPlan(deps, plan, options.onProgress);
  const notes = [...plan.notes, ...plan.settings.lines.map((l) => l.trim().replace(/^would /, '')), ...plan.settings.warnings, ...unset, ...(mentors > 0 ? rosterMentoringLines(plan.mentoring, false) : [])];
  return { ok: true, counts, errors: plan.errors, ignored: plan.ignored, notes };
}
