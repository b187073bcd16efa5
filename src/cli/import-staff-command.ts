import type { Clock } from '../domain/clock';
import { applyStaffImportPlan, planStaffImport, type StaffChange } from '../imports/import-staff';
import { parseColumnMap } from '../imports/roster-headings';
import { rosterMentoringLines } from '../imports/roster-mentors';
import type { Store } from '../store/store';
import { findCliTenant, saveNewTenant } from './cli-tenant';
import type { ProgressFactory } from './progress-bar';

export interface ImportStaffCommand {
  text: string;
  tenantId: string;
  skipBad: boolean;
  dryRun: boolean;
  deactivateMissing: boolean;
  map?: string;
}

function describe(change: StaffChange): string {
  const who = `${change.doc.name} <${change.doc.email}>`;
  if (change.kind === 'update') return `  update: ${who} (${change.fields.join(', ')})`;
  if (change.kind === 'deactivate') return `  deactivate: ${who} (not in the file)`;
  const extra = [change.doc.jobTitle, change.doc.department, change.doc.active ? undefined : 'inactive'].filter(Boolean).join(', ');
  return `  create: ${who}${extra ? ` (${extra})` : ''}`;
}

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

/**
 * `import staff`: plan, print problems in the file's own words, then write (or, with
 * --dry-run, print what would change). Returns the exit code.
 */
export async function runImportStaff(deps: { store: Store; clock: Clock; print: (text: string) => void; progress: ProgressFactory }, command: ImportStaffCommand): Promise<number> {
  const { print } = deps;
  const map = parseColumnMap(command.map ?? '');
  if (!map.ok) {
    print(map.message);
    return 2;
  }
  const found = await findCliTenant(deps.store, command.tenantId);
  const plan = await planStaffImport(deps, found.tenant, command.text, {
    skipBad: command.skipBad,
    deactivateMissing: command.deactivateMissing,
    map: map.map,
  });
  for (const note of plan.notes) print(note);
  if (plan.ignored.length > 0) print(`Columns not used (ignored): ${plan.ignored.join(', ')}.`);
  for (const e of plan.errors) print(`  row ${e.row}: ${e.reason}`);
  if (!plan.ok) {
    print(plan.message);
    return 1;
  }
  const count = (kind: StaffChange['kind']) => plan.changes.filter((c) => c.kind === kind).length;
  if (command.dryRun) {
    if (found.isNew) print(`Would create tenant "${found.tenant.id}".`);
    for (const change of plan.changes) if (change.kind !== 'unchanged') print(describe(change));
    for (const line of plan.settings.lines) print(line);
    for (const warning of plan.settings.warnings) print(warning);
    for (const line of rosterMentoringLines(plan.mentoring, true, Infinity)) print(`  ${line}`);
    print(
      `Dry run, nothing written: would create ${count('create')}, update ${count('update')}, deactivate ${count('deactivate')}; ${count('unchanged')} unchanged${plan.skipped ? `, ${plan.skipped} skipped` : ''}.`,
    );
    return 0;
  }
  await saveNewTenant(deps.store, found, print);
  const bar = deps.progress('staff');
  try {
    const c = await applyStaffImportPlan(deps, plan, (done, total) => bar.update(done, total));
    bar.stop();
    const leavers = command.deactivateMissing ? `, ${plural(c.deactivated, 'leaver')} marked inactive` : '';
    print(`Staff: ${c.created} created, ${c.updated} updated, ${c.unchanged} unchanged${plan.skipped ? `, ${plan.skipped} skipped` : ''}${leavers}.`);
    for (const line of plan.settings.lines) print(line.trim().replace(/^would add/, 'Added').replace(/^would make/, 'Made'));
    for (const warning of [...plan.settings.warnings, ...c.unset]) print(warning);
    for (const line of rosterMentoringLines(plan.mentoring, false, Infinity)) print(`  ${line}`);
    return 0;
  } finally {
    bar.stop();
  }
}
