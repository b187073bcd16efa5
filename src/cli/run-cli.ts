import { countOf } from '../cards/format';
import { createWriteStream } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { governorsReportCsv } from '../exports/governors-csv';
import { providersExport } from './providers-export';
import { exportLeadReportCsv, writeLeadReportCsv } from '../exports/lead-report-csv';
import { loadGovernorsReport } from '../app/records';
import { exportRecordsCsv, writeRecordsCsv } from '../exports/records-csv';
import { exportRequestsCsv, writeRequestsCsv } from '../exports/requests-csv';
import { setCpdBudget } from '../app/requests';
import { exportResponsesCsv, writeResponsesCsv } from '../exports/responses-csv';
import { importProgramme } from '../imports/import-programme';
import type { ImportResult } from '../imports/import-result';
import { publishDraftSessions } from '../app/sessions';
import { loadStatusFigures, statusText } from '../app/status';
import { retentionSweep } from '../scheduler/retention-sweep';
import { importQualifications } from '../imports/import-qualifications';
import { importStatutoryTraining } from '../imports/import-statutory-training';
import type { ReportDeps } from '../app/reports';
import { packageVersion, parseCliArgs, usageError, USAGE } from './cli-args';
import { runCalendarShow, runImportCalendar } from './calendar-commands';
import { findCliTenant, saveNewTenant } from './cli-tenant';
import { readSchoolFile } from './read-school-file';
import { runImportStaff } from './import-staff-command';
import { runTemplatesExport, runTemplatesImport, runTenantLink, runTenantSetSchoolCpdLead, runTenantShow } from './tenant-commands';
import { runSettingsHistory, runSettingsSet, runSettingsShow } from './settings-commands';
import { runStaffAdd, runStaffAway, runStaffDeactivate, runStaffErase, runStaffShow } from './staff-commands';
import { runStaffMentor } from './staff-mentor-command';
import { runProgrammesExport, runProgrammesImport } from './programmes-commands';
import { silentProgress, type ProgressFactory } from './progress-bar';
import { seedDemo } from '../app/demo';
import { nameCpdLead } from '../app/setup';

export interface CliDeps extends ReportDeps {
  defaultTenantId: string;
  /** Where messages go (stdout in the real CLI, an array in tests). */
  print: (text: string) => void;
  /** Where a usage error goes (stderr in the real CLI); `print` when not given. */
  printError?: (text: string) => void;
  progress?: ProgressFactory;
}

function report(deps: CliDeps, what: string, result: ImportResult): number {
  for (const e of result.errors) deps.print(`  row ${e.row}: ${e.reason}`);
  // Past rows are worth knowing about only once the file is accepted; drafts note follows the counts.
  const notes = result.notes ?? [];
  if (!result.ok) {
    deps.print(result.message);
    return 1;
  }
  const c = result.counts;
  deps.print(`${what}: ${c.created} created, ${c.updated} updated, ${c.unchanged} unchanged${c.skipped ? `, ${c.skipped} skipped` : ''}.`);
  for (const note of notes) deps.print(note);
  return 0;
}

/** Runs one CLI command; returns the exit code. Tests call this directly with an in-memory store. */
export async function runCli(argv: readonly string[], deps: CliDeps): Promise<number> {
  const parsed = parseCliArgs(argv);
  if (!parsed.ok) {
    (deps.printError ?? deps.print)(usageError(parsed.message));
    return 2;
  }
  const command = parsed.command;
  const progress = deps.progress ?? silentProgress;
  switch (command.kind) {
    case 'budget-set': {
      const found = await findCliTenant(deps.store, command.tenantId ?? deps.defaultTenantId);
      const result = await setCpdBudget(deps, found.tenant, { scope: command.scope, amount: command.amount, ...(command.year ? { year: command.year } : {}) });
      if (result.ok) await saveNewTenant(deps.store, found, deps.print);
      deps.print(result.message);
      return result.ok ? 0 : 1;
    }
    case 'help':
      deps.print(command.topic ?? USAGE);
      return 0;
    case 'status':
      deps.print(statusText(await loadStatusFigures(deps, [command.tenantId ?? deps.defaultTenantId])));
      return 0;
    case 'version':
      deps.print(`twilight ${packageVersion()}`);
      return 0;
    case 'cosmos-move-to-answers':
      // main.ts runs it before any store opens (opening refuses the layout it moves); here a store is open already.
      (deps.printError ?? deps.print)('`cosmos move-to-answers` runs from the command line itself (npm run cli -- cosmos move-to-answers), before the bot starts.');
      return 2;
    case 'import-calendar':
      return runImportCalendar(deps, command.tenantId ?? deps.defaultTenantId, command.file, command.dryRun);
    case 'calendar-show':
      return runCalendarShow(deps, command.tenantId ?? deps.defaultTenantId, command.year);
    case 'templates-export':
      return runTemplatesExport(deps, command.tenantId ?? deps.defaultTenantId, command.out);
    case 'templates-import':
      return runTemplatesImport(deps, command.tenantId ?? deps.defaultTenantId, command.file, command.dryRun);
    case 'tenant-show':
      return runTenantShow(deps, command.tenantId ?? deps.defaultTenantId);
    case 'tenant-link':
      return runTenantLink(deps, command.tenantId ?? deps.defaultTenantId, command.platform, command.platformId, command.also);
    case 'settings-set':
      return runSettingsSet(deps, command.tenantId ?? deps.defaultTenantId, command.key, command.value);
    case 'settings-show':
      return runSettingsShow(deps, command.tenantId ?? deps.defaultTenantId);
    case 'settings-history':
      return runSettingsHistory(deps, command.tenantId ?? deps.defaultTenantId);
    case 'tenant-set-school-cpd-lead':
      return runTenantSetSchoolCpdLead(deps, command.tenantId ?? deps.defaultTenantId, command.school, command.who);
    case 'programme-publish': {
      const { published, pastDrafts } = await publishDraftSessions(deps, command.tenantId ?? deps.defaultTenantId, deps.clock.now());
      for (const s of published) deps.print(`  published: ${s.title} (${s.startsAt.slice(0, 10)})`);
      deps.print(`${published.length} session${published.length === 1 ? '' : 's'} published: invitations go out at the next allowed time.${pastDrafts ? ` ${pastDrafts} draft${pastDrafts === 1 ? ' is in the past and stays a draft' : 's are in the past and stay drafts'}.` : ''}`);
      return 0;
    }
    case 'staff-add':
      return runStaffAdd(deps, command.tenantId ?? deps.defaultTenantId, command.fields);
    case 'staff-away':
      return runStaffAway(deps, command.tenantId ?? deps.defaultTenantId, command.email, command.until);
    case 'staff-erase':
      return runStaffErase(deps, command.tenantId ?? deps.defaultTenantId, command.email, command.confirm);
    case 'programmes-export':
      return runProgrammesExport(deps, command.tenantId ?? deps.defaultTenantId, command.out);
    case 'programmes-import':
      return runProgrammesImport(deps, command.tenantId ?? deps.defaultTenantId, command.file, command.dryRun);
    case 'staff-mentor':
      return runStaffMentor(deps, command.tenantId ?? deps.defaultTenantId, command);
    case 'staff-show':
      return runStaffShow(deps, command.tenantId ?? deps.defaultTenantId, command.email);
    case 'staff-deactivate':
      return runStaffDeactivate(deps, command.tenantId ?? deps.defaultTenantId, command.email);
    case 'retention-sweep': {
      const swept = await retentionSweep({ store: deps.store, clock: deps.clock, onError: (tenantId, err) => deps.print(`${tenantId}: ${String(err)}`) });
      for (const [tenantId, counts] of Object.entries(swept.tenants)) {
        deps.print(`${tenantId}: removed ${Object.entries(counts).map(([k, n]) => `${n} ${k}`).join(', ')}.`);
      }
      if (swept.purged) deps.print(`Purged ${swept.purged} expired records.`);
      return 0;
    }
    case 'lead-add': {
      const tenantId = command.tenantId ?? deps.defaultTenantId;
      const named = await nameCpdLead(deps, tenantId, { email: command.email, ...(command.name ? { name: command.name } : {}) });
      if (!named.ok) {
        deps.print(named.message);
        return 1;
      }
      if (named.outcome === 'has-a-lead') return 0;
      if (named.tenantCreated) deps.print(`Created tenant "${tenantId}".`);
      const who = `${named.staff.name} <${named.staff.email}>`;
      deps.print(
        named.outcome === 'already-lead'
          ? `${who} is already a CPD lead of "${tenantId}".`
          : `${who} is now a CPD lead of "${tenantId}". When they first open Twilight in Teams or Slack they are welcomed with "setup": what the school still needs, starting with the staff list they can send as a file.`,
      );
      return 0;
    }
    case 'seed-demo': {
      const seeded = await seedDemo(deps);
      deps.print(`Demo tenant "demo" ready: ${seeded.staff} staff, ${countOf(seeded.sessions, 'session')}.`);
      return 0;
    }
    case 'import-staff':
    case 'import-programme': {
      const file = await readSchoolFile(command.file);
      if (!file.ok) {
        deps.print(file.message);
        return 1;
      }
      const text = file.text;
      const tenantId = command.tenantId ?? deps.defaultTenantId;
      if (command.kind === 'import-staff') return runImportStaff({ ...deps, progress }, { ...command, text, tenantId });
      const found = await findCliTenant(deps.store, tenantId);
      const bar = progress('sessions');
      const onProgress = (done: number, total: number) => bar.update(done, total);
      try {
        const result = await importProgramme(deps, found.tenant, text, {
          skipBad: command.skipBad,
          publish: command.publish,
          now: deps.clock.now(),
          onProgress,
          // A refused file writes nothing, not even the tenant.
          beforeWrite: () => saveNewTenant(deps.store, found, deps.print),
        });
        bar.stop();
        return report(deps, 'Sessions', result);
      } finally {
        bar.stop();
      }
    }
    case 'import-statutory':
    case 'import-qualifications': {
      const file = await readSchoolFile(command.file);
      if (!file.ok) {
        deps.print(file.message);
        return 1;
      }
      const text = file.text;
      const found = await findCliTenant(deps.store, command.tenantId ?? deps.defaultTenantId);
      // Each row names a person by e-mail: with no staff list there is nobody to match, and nothing to create.
      if (found.isNew) {
        deps.print(`There is no tenant "${found.tenant.id}" yet: import its staff first (npm run cli -- import staff FILE.csv).`);
        return 1;
      }
      const tenant = found.tenant;
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
      const report = await loadGovernorsReport(deps, command.tenantId ?? deps.defaultTenantId, deps.clock.now(), command.term ?? command.year, command.school);
      if (!report.ok) {
        deps.print(report.message);
        return 1;
      }
      const csv = governorsReportCsv(report.value);
      if (!command.out) deps.print(csv);
      else {
        await writeFile(command.out, csv);
        deps.print(`Wrote ${command.out} (${report.value.school ? `${report.value.school}, ` : ''}${report.value.term}, ${report.value.periodText}; no names, groups under ${report.value.minGroup} withheld).`);
      }
      return 0;
    }
    case 'export-providers': {
      const written = await providersExport(deps, command.tenantId ?? deps.defaultTenantId, deps.clock.now(), command);
      if (!written.ok) {
        deps.print(written.message);
        return 1;
      }
      if (!command.out) deps.print(written.text);
      else {
        await writeFile(command.out, written.text);
        deps.print(`Wrote ${command.out} (no names; groups under the minimum withheld).`);
      }
      return 0;
    }
    case 'export': {
      const tenantId = command.tenantId ?? deps.defaultTenantId;
      const now = deps.clock.now();
      if (command.what === 'responses') {
        if (!command.out) {
          const { named, anonymous } = await exportResponsesCsv(deps, tenantId);
          deps.print(named);
          deps.print(anonymous);
          return 0;
        }
        const anonymousOut = command.out.replace(/(\.csv)?$/i, '-anonymous.csv');
        // Streamed to the files a page at a time: years of answers never sit in memory.
        await writeResponsesCsv(deps, tenantId, { named: createWriteStream(command.out), anonymous: createWriteStream(anonymousOut) });
        deps.print(`Wrote ${command.out} (named answers) and ${anonymousOut} (anonymous answers, no person column).`);
        return 0;
      }
      if (!command.out) {
        deps.print(
          command.what === 'records'
            ? await exportRecordsCsv(deps, tenantId, now)
            : command.what === 'requests'
              ? await exportRequestsCsv(deps, tenantId, command.year)
              : await exportLeadReportCsv(deps, tenantId),
        );
        return 0;
      }
      // Streamed to the file a page at a time: years of records, requests and answers never sit in memory.
      const out = createWriteStream(command.out);
      if (command.what === 'records') await writeRecordsCsv(deps, tenantId, now, out);
      else if (command.what === 'requests') await writeRequestsCsv(deps, tenantId, out, command.year ? { academicYear: command.year } : {});
      else await writeLeadReportCsv(deps, tenantId, out);
      deps.print(`Wrote ${command.out}.`);
      return 0;
    }
  }
}
