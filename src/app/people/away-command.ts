import { hasRole } from '../../domain';
import type { CardView } from '../../cards/views';
import type { Actor } from './actor';
import type { AppDeps } from '../deps';
import { notice } from '../notice';
import { setAway } from './set-away';
import { findStaffByEmail } from './staff-records';

const HOW = 'Say "away until 4 January 2027" (the day you are back). A CPD lead can say "away jo@school.org.uk until 2027-01-04" for someone else.';

/**
 * `away until <date>`: the person (or a lead for them) is away; no reminders or nudges until
 * then, and open gap tasks fall due as much later.
 */
export async function awayCommand(deps: AppDeps, actor: Actor, argument: string): Promise<CardView> {
  const m = /^(?:(\S+@\S+)\s+)?until\s+(.+)$/i.exec(argument.trim());
  if (!m) {
    const own = actor.staff.awayUntil ? `You are away until ${actor.staff.awayUntil}. ` : '';
    return notice('info', `${own}${HOW}`, 'Away');
  }
  const [, email, until] = m;
  let staffId = actor.staff.id;
  if (email) {
    if (!hasRole(actor.staff, 'cpd-lead')) return notice('attention', 'Only CPD leads can set someone else as away. Say "away until <date>" for yourself.');
    const found = await findStaffByEmail(deps, actor.tenant.id, email);
    if (!found.ok) return notice('attention', found.message);
    staffId = found.staff.id;
  }
  const result = await setAway(deps, actor.tenant.id, staffId, until!, deps.clock.now(), actor.tenant.settings.timezone);
  if (!result.ok) return notice('attention', result.message, 'Away');
  const who = email ? result.staff.name : 'You';
  const moved = result.movedTasks.length > 0 ? ` ${result.movedTasks.length === 1 ? 'One gap task now falls' : `${result.movedTasks.length} gap tasks now fall`} due later, by the same time.` : '';
  return notice('good', `${who} ${email ? 'is' : 'are'} away until ${result.staff.awayUntil}: no reminders or nudges before then.${moved}`, 'Away');
}
