import { changeSettings, CLI_CHANGER, loadSettingsContext, settingChangeLine, settingsHistoryOf, settingsLines } from '../app/tenants';
import type { Clock } from '../domain/clock';
import type { Store } from '../store/store';
import { findCliTenant, saveNewTenant } from './cli-tenant';

interface SettingsCommandDeps {
  store: Store;
  clock: Clock;
  print: (text: string) => void;
}

/** `settings show`: every setting, grouped as in chat, from the same definitions. */
export async function runSettingsShow(deps: SettingsCommandDeps, tenantId: string): Promise<number> {
  const context = await loadSettingsContext(deps, tenantId);
  if (!context) {
    deps.print(`There is no tenant "${tenantId}" yet: importing a staff list creates it.`);
    return 1;
  }
  deps.print(settingsLines(context).join('\n'));
  return 0;
}

/** `settings set KEY VALUE` (and `tenant set`): one change, checked and recorded as a lead's change in chat is. */
export async function runSettingsSet(deps: SettingsCommandDeps, tenantId: string, key: string, value: string): Promise<number> {
  await saveNewTenant(deps.store, await findCliTenant(deps.store, tenantId), deps.print);
  const result = await changeSettings(deps, tenantId, CLI_CHANGER, { [key]: value });
  if (!result.ok) {
    const message = Object.values(result.errors)[0] ?? result.message;
    deps.print(`"${value}" is not allowed for ${key}: ${message}`);
    return 1;
  }
  const change = result.changes[0];
  if (!change) deps.print(`${key} is already ${value} (nothing changed).`);
  else deps.print(`${change.key}: ${change.before === '' ? '(not set)' : change.before} → ${change.after === '' ? '(not set)' : change.after}. The planner plans the tenant again with it.`);
  const row = (await loadSettingsContext(deps, tenantId))!;
  const warning = settingsLines(row).find((l, i, all) => l.trimStart().startsWith('!') && all[i - 1]?.trimStart().startsWith(change?.key ?? key));
  if (warning) deps.print(warning.trim());
  return 0;
}

/** `settings history`: every recorded change, newest first. */
export async function runSettingsHistory(deps: SettingsCommandDeps, tenantId: string): Promise<number> {
  const tenant = (await deps.store.tenants.get(tenantId, tenantId))?.value;
  if (!tenant) {
    deps.print(`There is no tenant "${tenantId}" yet: importing a staff list creates it.`);
    return 1;
  }
  const history = settingsHistoryOf(tenant);
  deps.print(history.length === 0 ? 'No setting has been changed yet.' : history.map(settingChangeLine).join('\n'));
  return 0;
}
