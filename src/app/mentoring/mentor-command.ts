import type { CardView } from '../../cards/views';
import { localDateOf } from '../../domain/school-time';
import type { AppDeps } from '../deps';
import { notice } from '../notice';
import type { Actor } from '../people';
import { findPersonNamed } from './find-person';
import { changeMentorNamed, ROLE_HINT, splitMentorCommand } from './mentor-change-text';
import { supportersOf } from './supporters';

const HOW = `Say "mentor <person> <role> <mentor>" to set one (the role: ${ROLE_HINT}; each person by e-mail or name), "mentor <person> <role> none" to end one, or "mentor <person>" to see theirs. A staff list with Subject Mentor, Professional Mentor, Coach or Induction Tutor columns sets them too.`;

/**
 * `mentor ...` (CPD leads): see, set or end a person's subject mentor, professional mentor, coach or
 * induction tutor (issue 30). The command table makes it lead-only.
 */
export async function mentorCommand(deps: AppDeps, actor: Actor, argument: string): Promise<CardView> {
  const text = argument.trim();
  if (!text) return notice('info', HOW, 'Mentors');
  const split = splitMentorCommand(text);
  if (!split) {
    const person = await findPersonNamed(deps, actor.tenant.id, text);
    if (!person.ok) return notice('attention', `${person.message} ${HOW}`, 'Mentors');
    const lines = await supportersOf(deps, actor.tenant.id, person.staff.id, localDateOf(deps.clock.now(), actor.tenant.settings.timezone));
    const list = lines.length === 0 ? 'no mentor, coach or induction tutor' : lines.map((l) => `${l.roleLabel}: ${l.name} (since ${l.since})`).join('; ');
    return notice('info', `${person.staff.name}: ${list}.`, 'Mentors');
  }
  const result = await changeMentorNamed(deps, actor.tenant.id, split, 'chat');
  return notice(result.ok ? (result.changed ? 'good' : 'info') : 'attention', result.message, 'Mentors');
}
