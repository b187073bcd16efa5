import { countOf } from '../cards/format';
import { calendarYearText, schoolYearOf } from '../app/calendar';
import { localDateOf } from '../domain/school-time';
import type { Clock } from '../domain';
import { readSchoolFile } from './read-school-file';
import { importCalendar } from '../imports/import-calendar';
import type { Store } from '../store/store';
import { findCliTenant, saveNewTenant } from './cli-tenant';

interface CalendarCommandDeps {
  store: Store;
  clock: Clock;
  print: (text: string) => void;
}

/** `import calendar FILE`: term dates, holidays and INSET days from a school's .ics or a CSV. */
export async function runImportCalendar(deps: CalendarCommandDeps, tenantId: string, file: string, dryRun: boolean): Promise<number> {
  const read = await readSchoolFile(file);
  if (!read.ok) {
    deps.print(read.message);
    return 1;
  }
  const text = read.text;
  const found = await findCliTenant(deps.store, tenantId);
  const result = await importCalendar(deps, found.tenant, text, file, { dryRun, beforeWrite: () => saveNewTenant(deps.store, found, deps.print) });
  if (result.ignored.length > 0) deps.print(`Not term dates, holidays or INSET days (ignored): ${result.ignored.join(', ')}.`);
  if (!result.ok) {
    for (const e of result.errors) deps.print(`  row ${e.row}: ${e.reason}`);
    deps.print(result.message);
    return 1;
  }
  const { terms, holidays, insetDays } = result.counts;
  const what = `${countOf(terms, 'term')}, ${countOf(holidays, 'holiday')}, ${countOf(insetDays, 'INSET day')}`;
  if (dryRun) deps.print(`Dry run, nothing written: the file has ${what}.`);
  else deps.print(result.changed ? `Calendar: ${what} imported.` : `Calendar: unchanged (${what}).`);
  const years = [...new Set(result.calendar.terms.map((t) => schoolYearOf(t.start)))].sort();
  for (const year of years) deps.print(calendarYearText(result.calendar, year));
  return 0;
}

/** `calendar show`: the school year (this one unless --year), as the bot will apply it. */
export async function runCalendarShow(deps: CalendarCommandDeps, tenantId: string, year: number | undefined): Promise<number> {
  const found = await findCliTenant(deps.store, tenantId);
  const calendar = (await deps.store.calendars.get(tenantId, 'calendar'))?.value;
  deps.print(calendarYearText(calendar, year ?? schoolYearOf(localDateOf(deps.clock.now(), found.tenant.settings.timezone))));
  return 0;
}
