import { MENTOR_ROLE_LABELS, type MentoringLink, type MentorRole } from '../../domain';
import { localDateOf } from '../../domain/school-time';
import type { AppDeps } from '../deps';
import { findPersonNamed } from './find-person';
import { MentorChangeConflict, setMentor } from './set-mentor';

/** The words a lead may use for each role ("subject", "whole-school mentor", "tutor"), longest first when matched. */
const ROLE_WORDS: readonly (readonly [string, MentorRole])[] = [
  ['subject mentor', 'subject-mentor'],
  ['subject-mentor', 'subject-mentor'],
  ['subject', 'subject-mentor'],
  ['professional mentor', 'professional-mentor'],
  ['professional-mentor', 'professional-mentor'],
  ['whole-school mentor', 'professional-mentor'],
  ['whole school mentor', 'professional-mentor'],
  ['professional', 'professional-mentor'],
  ['coach', 'coach'],
  ['induction tutor', 'induction-tutor'],
  ['induction-tutor', 'induction-tutor'],
  ['tutor', 'induction-tutor'],
];

export const ROLE_HINT = 'subject mentor, professional mentor, coach or induction tutor';

export function mentorRoleNamed(text: string): MentorRole | undefined {
  const t = text.trim().toLowerCase().replace(/\s+/g, ' ');
  return ROLE_WORDS.find(([w]) => w === t)?.[1];
}

/**
 * "Jo Adeyemi subject mentor Sam Patel" → person, role, mentor: the role's words split the text, as
 * names may have spaces. Undefined when no role is named.
 */
export function splitMentorCommand(text: string): { person: string; role: MentorRole; mentor: string } | undefined {
  const t = text.trim().replace(/\s+/g, ' ');
  for (const [words, role] of [...ROLE_WORDS].sort((a, b) => b[0].length - a[0].length)) {
    const m = new RegExp(`^(.+?)\\s+${words.replace(/[-\s]/g, (c) => (c === ' ' ? '\\s+' : '-'))}\\s+(.+)$`, 'i').exec(t);
    if (m) return { person: m[1]!.trim(), role, mentor: m[2]!.trim() };
  }
  return undefined;
}

export type MentorChangeOutcome = { ok: true; message: string; changed: boolean } | { ok: false; message: string };

/**
 * Sets or ends a person's supporter from what a lead typed (chat) or an operator ran (CLI): the person
 * and the mentor by e-mail or name, `none` to end. From today in the tenant's zone. One message either way.
 */
export async function changeMentorNamed(
  deps: Pick<AppDeps, 'store' | 'clock'>,
  tenantId: string,
  input: { person: string; role: MentorRole; mentor: string },
  source: MentoringLink['source'],
): Promise<MentorChangeOutcome> {
  const tenant = (await deps.store.tenants.get(tenantId, tenantId))?.value;
  if (!tenant) return { ok: false, message: 'This school is not set up yet.' };
  const person = await findPersonNamed(deps, tenantId, input.person);
  if (!person.ok) return person;
  const ending = /^(none|no one|nobody|end|-)$/i.test(input.mentor.trim());
  const mentor = ending ? undefined : await findPersonNamed(deps, tenantId, input.mentor);
  if (mentor && !mentor.ok) return mentor;
  const label = MENTOR_ROLE_LABELS[input.role];
  if (mentor?.ok && mentor.staff.id === person.staff.id) return { ok: false, message: `${person.staff.name} cannot be their own ${label}.` };
  if (mentor?.ok && !mentor.staff.active) return { ok: false, message: `${mentor.staff.name} has left (inactive in the staff list), so cannot be anyone's ${label}.` };
  const onDate = localDateOf(deps.clock.now(), tenant.settings.timezone);
  try {
    const plan = await setMentor(deps, tenantId, { menteeId: person.staff.id, role: input.role, mentorId: mentor?.ok ? mentor.staff.id : null, onDate, source });
    const who = person.staff.name;
    switch (plan.kind) {
      case 'unchanged':
        return { ok: true, changed: false, message: `${mentor?.ok ? mentor.staff.name : 'They'} is already ${who}'s ${label}: nothing changed.` };
      case 'nothing-to-end':
        return { ok: true, changed: false, message: `${who} has no ${label} to end: nothing changed.` };
      case 'end':
        return { ok: true, changed: true, message: `${who} has no ${label} from today.` };
      default:
        return { ok: true, changed: true, message: `${mentor?.ok ? mentor.staff.name : ''} is ${who}'s ${label} from today${plan.kind === 'replace' ? ' (the previous one ends yesterday)' : ''}.` };
    }
  } catch (error) {
    if (error instanceof MentorChangeConflict) return { ok: false, message: `${person.staff.name}'s ${label} was changed by someone else at the same moment: nothing was saved; try again.` };
    throw error;
  }
}
