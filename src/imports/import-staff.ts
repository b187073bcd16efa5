import { countOf } from '../cards/format';
import { deterministicId, Staff, type Role, type Tenant } from '../domain';
import type { Store } from '../store/store';
import { checkRow, readCsv, sameRecord } from './csv-rows';
import type { ImportOptions, ImportResult, RowError } from './import-result';
import { STAFF_HEADER_ALIASES, StaffRosterRow } from './staff-roster-row';

export function staffIdFor(email: string): string {
  return deterministicId('staff', email.toLowerCase());
}

/**
 * The file says what people do; anyone named as a line manager gets that role too, and an
 * admin role given by an operator is kept (rosters do not carry it).
 */
function rolesFor(fromFile: readonly Role[], before: readonly Role[], managesSomeone: boolean): Role[] {
  const roles = new Set<Role>(fromFile);
  if (managesSomeone) roles.add('line-manager');
  if (before.includes('admin')) roles.add('admin');
  return [...roles];
}

interface GoodRow {
  row: number;
  data: StaffRosterRow;
}

/**
 * Imports a staff roster CSV into one tenant. Rows are checked first and line managers
 * resolved once every row is known; a file with bad rows writes nothing unless `skipBad`.
 * People are matched by e-mail, so re-importing the same file changes nothing.
 */
export async function importStaffRoster(
  deps: { store: Store },
  tenant: Tenant,
  csvText: string,
  options: ImportOptions = {},
): Promise<ImportResult> {
  const read = readCsv(csvText, STAFF_HEADER_ALIASES, ['name', 'email']);
  if (!read.ok) return { ok: false, message: read.message, errors: [] };

  const errors: RowError[] = [];
  let good: GoodRow[] = [];
  const seen = new Map<string, number>();
  for (const { row, record } of read.rows) {
    const checked = checkRow(StaffRosterRow, row, record);
    if (!checked.ok) {
      errors.push(checked.error);
      continue;
    }
    const first = seen.get(checked.value.email);
    if (first !== undefined) {
      errors.push({ row, reason: `${checked.value.email} is already on row ${first}` });
      continue;
    }
    seen.set(checked.value.email, row);
    good.push({ row, data: checked.value });
  }

  const existing = new Map((await deps.store.staff.find(tenant.id)).map((v) => [v.value.email, v]));
  const schoolOf = (text: string | undefined): string | undefined | null => {
    // A stand-alone school lists no schools: the column then says nothing we need.
    if (text === undefined || tenant.schools.length === 0) return undefined;
    const match = tenant.schools.find((s) => s.id === text || s.name.toLowerCase() === text.toLowerCase());
    return match ? match.id : null;
  };

  // Resolve managers to a fixpoint: dropping a bad row can orphan the people it managed.
  for (let changed = true; changed; ) {
    changed = false;
    const known = new Set([...good.map((g) => g.data.email), ...existing.keys()]);
    const kept: GoodRow[] = [];
    for (const g of good) {
      const manager = g.data.linemanageremail;
      let reason: string | undefined;
      if (manager === g.data.email) reason = 'a person cannot be their own line manager';
      else if (manager !== undefined && !known.has(manager)) reason = `line manager ${manager} is not in the file or the staff list`;
      else if (schoolOf(g.data.school) === null) reason = `unknown school "${g.data.school}"`;
      if (reason) {
        errors.push({ row: g.row, reason });
        changed = true;
      } else kept.push(g);
    }
    good = kept;
  }
  errors.sort((a, b) => a.row - b.row);
  if (errors.length > 0 && !options.skipBad) {
    return { ok: false, message: `Nothing was imported: ${countOf(errors.length, 'row needs', 'rows need')} fixing.`, errors };
  }

  const idOf = (email: string): string => existing.get(email)?.value.id ?? staffIdFor(email);
  const managers = new Set(good.flatMap((g) => (g.data.linemanageremail ? [g.data.linemanageremail] : [])));
  const counts = { created: 0, updated: 0, unchanged: 0, skipped: read.rows.length - good.length };
  let done = 0;
  for (const { data } of good) {
    const before = existing.get(data.email);
    const roles = rolesFor(data.role, before?.value.roles ?? [], managers.has(data.email));
    const schoolId = schoolOf(data.school) ?? undefined;
    const next = Staff.parse({
      ...(before?.value ?? {}),
      tenantId: tenant.id,
      id: idOf(data.email),
      name: data.name,
      email: data.email,
      roles,
      schoolId,
      department: data.department,
      pathway: data.pathway,
      lineManagerId: data.linemanageremail ? idOf(data.linemanageremail) : undefined,
      active: true,
    });
    if (before && sameRecord(before.value, next)) counts.unchanged += 1;
    else {
      const written = await deps.store.staff.put(next, before ? { ifVersion: before.version } : {});
      if (!written.ok) throw new Error(`staff ${next.id} changed while importing (${written.reason}); run the import again`);
      if (before) counts.updated += 1;
      else counts.created += 1;
    }
    options.onProgress?.(++done, good.length);
  }
  return { ok: true, counts, errors };
}
