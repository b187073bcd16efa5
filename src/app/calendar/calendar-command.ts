import type { CardView } from '../../cards/views';
import { hasRole } from '../../domain';
import { localDateOf } from '../../domain/school-time';
import type { Actor } from '../people';
import type { AppDeps } from '../deps';
import { notice } from '../notice';
import { calendarYearText, IMPORT_CALENDAR_HINT, schoolYearOf } from './calendar-year';

/** `calendar`: this school year's terms, holidays and INSET days, as the bot applies them. */
export async function calendarCommand(deps: AppDeps, actor: Actor): Promise<CardView> {
  const calendar = (await deps.store.calendars.get(actor.tenant.id, 'calendar'))?.value;
  const year = schoolYearOf(localDateOf(deps.clock.now(), actor.tenant.settings.timezone));
  return notice(calendar ? 'info' : 'attention', calendarYearText(calendar, year, hasRole(actor.staff, 'cpd-lead') ? IMPORT_CALENDAR_HINT.lead : IMPORT_CALENDAR_HINT.chat), 'School calendar');
}
