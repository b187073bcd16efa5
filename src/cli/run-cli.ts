import { readFile, writeFile } from 'node:fs/promises';
import { Tenant } from '../domain';
import { governorsReportCsv } from '../exports/governors-csv';
import { exportLeadReportCsv } from '../exports/lead-report-csv';
import { loadGovernorsReport } from '../reports/load-governors-report';
import { exportRecordsCsv } from '../exports/records-csv';
import { exportResponsesCsv } from '../exports/responses-csv';
import { importProgramme } from '../imports/import-programme';
import type { ImportResult } from '../imports/import-result';
import { importStaffRoster } from '../imports/import-staff';
import { importQualifications } from '../imports/import-qualifications';
import { importStatutoryTraining } from '../imports/import-statutory-training';
import type { ReportDeps } from '../reports/report-deps';
import { parseCliArgs, USAGE } from './cli-args';
import { silentProgress, type ProgressFactory } from './progress-bar';
import { seedDemo } from './seed-demo';

export interface CliDeps extends ReportDeps {
  defaultTenantId: string;
  /** Where messages go (stdout in the real CLI, an array in tests). */
  print: (text: string) => void;
  progress?: ProgressFactory;
}

/** Finds the tenant, or creates a stand-alone school of that id so a first import just works. */
async function tenantFor(deps: CliDeps, tenantId: string): Promise<Tenant> {
  const found = (await deps.store.tenants.get(tenantId, tenantId))?.value;
  if (found) return found;
  const created = Tenant.parse({ tenantId, id: tenantId, name: tenantId, kind: 'school' });
  await deps.store.tenants.create(created);
  deps.print(`Created tenant "${tenantId}".`);
  return created;
}

function report(deps: CliDeps, what: string, result: ImportResult): number {
  for (const e of result.errors) deps.print(`  row ${e.row}: ${e.reason}`);
  if (!result.ok) {
    deps.print(result.message);
    return 1;
  }
  const c = result.counts;
  deps.print(`${what}: ${c.created} created, ${c.updated} updated, ${c.unchanged} unchanged${c.skipped ? `, ${c.skipped} skipped` : ''}.`);
  return 0;
}

/** Runs one CLI command; returns the exit code. Tests call this directly with an in-memory store. */
export async function runCli(argv: readonly string[], deps: CliDeps): Promise<number> {
  const parsed = parseCliArgs(argv);
  if (!parsed.ok) {
    deps.print(`${parsed.message}\n\n${USAGE}`);
    return 2;
  }
  const command = parsed.command;
  const progress = deps.progress ?? silentProgress;
  switch (command.kind) {
    case 'help':
      deps.print(USAGE);
      return 0;
    case 'seed-demo': {
      const seeded = await seedDemo(deps);
      deps.print(`Demo tenant "demo" ready: ${seeded.staff} staff, ${seeded.sessions} sessions.`);
      return 0;
    }
    case 'import-staff':
    case 'import-programme': {
      let text: string;
      try {
        text = await readFile(command.file, 'utf8');
      } catch {
        deps.print(`Cannot read ${command.file}.`);
        return 1;
      }
      const tenant = await tenantFor(deps, command.tenantId ?? deps.defaultTenantId);
      const bar = progress(command.kind === 'import-staff' ? 'staff' : 'sessions');
      const onProgress = (done: number, total: number) => bar.update(done, total);
      try {
        const result =
          command.kind === 'import-staff'
            ? await importStaffRoster(deps, tenant, text, { skipBad: command.skipBad, onProgress })
            : await importProgramme(deps, tenant, text, { skipBad: command.skipBad, publish: command.publish, now: deps.clock.now(), onProgress });
        bar.stop();
        return report(deps, command.kind === 'import-staff' ? 'Staff' : 'Sessions', result);
      } finally {
        bar.stop();
      }
    }
    case 'import-statutory':
    case 'import-qualifications': {
      let text: string;
      try {
        text = await readFile(command.file, 'utf8');
      } catch {
        deps.print(`Cannot read ${command.file}.`);
        return 1;
      }
      const tenant = await tenantFor(deps, command.tenantId ?? deps.defaultTenantId);
      const statutory = command.kind === 'import-statutory';
      const bar = progress(statutory ? 'training' : 'qualifications');
      try {
        const options = { skipBad: command.skipBad, onProgress: (done: number, total: number) => bar.update(done, total) };
        const result = statutory
          ? await importStatutoryTraining(deps, tenant, text, deps.clock.now(), options)
          : await importQualifications(deps, tenant, text, deps.clock.now(), options);
        return report(deps, statutory ? 'Statutory training' : 'Qualifications', result);
      } finally {
        bar.stop();
      }
    }
    case 'export-governors': {
      const report = await loadGovernorsReport(deps, command.tenantId ?? deps.defaultTenantId, deps.clock.now(), command.term);
      if (!report.ok) {
        deps.print(report.message);
        return 1;
      }
      const csv = governorsReportCsv(report.value);
      if (!command.out) deps.print(csv);
      else {
        await writeFile(command.out, csv);
        deps.print(`Wrote ${command.out} (${report.value.term}, ${report.value.periodText}; no names, groups under ${report.value.minGroup} withheld).`);
      }
      return 0;
    }
    case 'export': {
      const tenantId = command.tenantId ?? deps.defaultTenantId;
      const now = deps.clock.now();
      if (command.what === 'responses') {
        const { named, anonymous } = await exportResponsesCsv(deps, tenantId);
        if (!command.out) {
          deps.print(named);
          deps.print(anonymous);
          return 0;
        }
        const anonymousOut = command.out.replace(/(\.csv)?$/i, '-anonymous.csv');
        await writeFile(command.out, named);
        await writeFile(anonymousOut, anonymous);
        deps.print(`Wrote ${command.out} (named answers) and ${anonymousOut} (anonymous answers, no person column).`);
        return 0;
      }
      const csv = command.what === 'records' ? await exportRecordsCsv(deps, tenantId, now) : await exportLeadReportCsv(deps, tenantId);
      if (!command.out) deps.print(csv);
      else {
        await writeFile(command.out, csv);
        deps.print(`Wrote ${command.out}.`);
      }
      return 0;
    }
  }
}
