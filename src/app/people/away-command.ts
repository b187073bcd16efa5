import { hasRole } from '../../domain';
import { localDateOf } from '../../domain/school-time';
import { countOf, formatDay } from '../../cards/format';
import type { CardView } from '../../cards/views';
import type { Actor } from './actor';
import type { AppDeps } from '../deps';
import { notice } from '../notice';
import { endAway, setAway, type SetAwayResult } from './set-away';
import { findStaffByEmail } from './staff-records';

const HOW = 'Say "away until 4 January" (the day you are back), and "back" if you return sooner. A CPD lead can say "away jo@school.org.uk until 4 January" for someone else.';

/** "One gap task now falls due on Monday 18 January." (the cards' date, not ISO). */
function movedText(moved: Extract<SetAwayResult, { ok: true }>['movedTasks'], zone: string): string {
  if (moved.length === 0) return '';
  if (moved.length === 1) return ` One gap task now falls due on ${formatDay(moved[0]!.dueAt, zone)}.`;
  return ` ${countOf(moved.length, 'gap task')} now fall due later, by the same time.`;
}

/**
 * `away until <date>`: the person (or a lead for them) is away; no reminders or nudges until
 * then, and open gap tasks fall due as much later.
 */
export async function awayCommand(deps: AppDeps, actor: Actor, argument: string): Promise<CardView> {
  const m = /^(?:(\S+@\S+)\s+)?until\s+(.+)$/i.exec(argument.trim());
  const zone = actor.tenant.settings.timezone;
  if (!m) {
    const away = actor.staff.awayUntil && actor.staff.awayUntil > localDateOf(deps.clock.now(), zone);
    const own = away ? `You are away until ${formatDay(actor.staff.awayUntil!, zone)}. ` : '';
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
  const result = await setAway(deps, actor.tenant.id, staffId, until!, deps.clock.now(), zone);
  if (!result.ok) return notice('attention', result.message, 'Away');
  const who = email ? result.staff.name : 'You';
  return notice('good', `${who} ${email ? 'is' : 'are'} away until ${formatDay(result.staff.awayUntil!, zone)}: no reminders or nudges before then.${movedText(result.movedTasks, zone)}`, 'Away');
}

/** `back` (or `away off`): the person's away period ends today. */
export async function backCommand(deps: AppDeps, actor: Actor): Promise<CardView> {
  const zone = actor.tenant.settings.timezone;
  const result = await endAway(deps, actor.tenant.id, actor.staff.id, deps.clock.now(), zone);
  if (!result.ok) return notice('info', result.message, 'Away');
  return notice('good', `Welcome back: reminders and nudges start again today.${movedText(result.movedTasks, zone)}`, 'Away');
}
