import { readFile, writeFile } from 'node:fs/promises';
import { exportTemplates, importTemplates } from '../app/questionnaires';
import { linkPlatformTenant, loadSettingsContext, setSchoolCpdLead, settingsLines, type TenantChange } from '../app/tenants';
import { decodeText } from '../imports/decode-text';
import type { Clock } from '../domain/clock';
import type { Store } from '../store/store';
import { findCliTenant, saveNewTenant } from './cli-tenant';

interface TenantCommandDeps {
  store: Store;
  clock: Clock;
  print: (text: string) => void;
}

/** Runs a change on the tenant, creating a stand-alone school first when the id is new. */
async function changeTenant(deps: TenantCommandDeps, tenantId: string, change: () => Promise<TenantChange>, done: string): Promise<number> {
  const found = await findCliTenant(deps.store, tenantId);
  await saveNewTenant(deps.store, found, deps.print);
  const result = await change();
  if (!result.ok) {
    deps.print(result.message);
    return 1;
  }
  deps.print(result.changed ? `${done}.` : `${done} (it already was).`);
  return 0;
}

export function runTenantLink(deps: TenantCommandDeps, tenantId: string, platform: 'slack' | 'teams', platformId: string, also = false): Promise<number> {
  const what = platform === 'slack' ? `Slack workspace ${platformId}` : `Microsoft 365 tenant ${platformId.toLowerCase()}`;
  return changeTenant(deps, tenantId, () => linkPlatformTenant(deps, tenantId, platform, platformId, { also }), `Linked: people from the ${what} are tenant "${tenantId}"`);
}

export function runTenantSetSchoolCpdLead(deps: TenantCommandDeps, tenantId: string, school: string, who: string): Promise<number> {
  const done = who.trim().toLowerCase() === 'none' ? `${school} has no CPD lead of its own: the trust's CPD lead gets its requests and notices` : `${who} is the CPD lead of ${school}: its CPD requests and their overdue notices, its statutory renewals and its mentoring gaps and at-risk reviews go to them`;
  return changeTenant(deps, tenantId, () => setSchoolCpdLead(deps, tenantId, school, who), done);
}

export async function runTenantShow(deps: TenantCommandDeps, tenantId: string): Promise<number> {
  const tenant = (await deps.store.tenants.get(tenantId, tenantId))?.value;
  if (!tenant) {
    deps.print(`There is no tenant "${tenantId}" yet: importing a staff list creates it.`);
    return 1;
  }
  const [active, inactive, calendar] = await Promise.all([
    deps.store.staff.count(tenantId, { active: true }),
    deps.store.staff.count(tenantId, { active: false }),
    deps.store.calendars.get(tenantId, 'calendar'),
  ]);
  const context = (await loadSettingsContext(deps, tenantId))!;
  deps.print(
    [
      `${tenant.name} (tenant "${tenant.id}", ${tenant.kind})`,
      `  schools:            ${tenant.schools.map((x) => `${x.name} (${x.id})`).join(', ') || (tenant.kind === 'trust' ? 'none yet (a staff list with a School column, or settings set schools "A; B")' : '-')}`,
      `  Teams (Entra) link: ${tenant.teamsTenantId ?? 'not linked (tenant link teams <entra tenant id>)'}`,
      `  Slack link:         ${tenant.slackTeamId ?? 'not linked (tenant link slack T0123ABCD)'}`,
      `  staff:              ${active} active, ${inactive} inactive`,
      `  calendar:           ${calendar?.value.terms.length ? `${calendar.value.terms.length} terms, ${calendar.value.holidays.length} holidays` : 'none (import calendar FILE.ics)'}`,
      // The settings as `settings show` lists them (change one with settings set KEY VALUE).
      ...settingsLines(context).map((line) => `  ${line}`),
    ].join('\n'),
  );
  return 0;
}

export async function runTemplatesExport(deps: TenantCommandDeps, tenantId: string, out: string | undefined): Promise<number> {
  const json = await exportTemplates(deps, tenantId);
  if (!out) deps.print(json);
  else {
    await writeFile(out, json);
    deps.print(`Wrote ${out}: edit it and bring it back with templates import ${out}.`);
  }
  return 0;
}

export async function runTemplatesImport(deps: TenantCommandDeps, tenantId: string, file: string, dryRun: boolean): Promise<number> {
  let text: string;
  try {
    text = decodeText(await readFile(file));
  } catch {
    deps.print(`Cannot read ${file}.`);
    return 1;
  }
  const found = await findCliTenant(deps.store, tenantId);
  const result = await importTemplates(deps, tenantId, text, { dryRun: true });
  if (!result.ok) {
    for (const p of result.problems) deps.print(`  ${p}`);
    deps.print('Nothing was imported.');
    return 1;
  }
  if (!dryRun) {
    await saveNewTenant(deps.store, found, deps.print);
    await importTemplates(deps, tenantId, text);
  }
  const list = (names: string[]) => (names.length ? names.map((n) => `"${n}"`).join(', ') : 'none');
  deps.print(`${dryRun ? 'Dry run, nothing written. Would create' : 'Templates created'}: ${list(result.created)}; ${dryRun ? 'update' : 'updated'}: ${list(result.updated)}; unchanged: ${list(result.unchanged)}.`);
  return 0;
}
