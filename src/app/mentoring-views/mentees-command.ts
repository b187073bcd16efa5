import type { CardView } from '../../cards/views';
import { localDateOf } from '../../domain/school-time';
import type { Actor } from '../people';
import type { AppDeps } from '../deps';
import { notice } from '../notice';
import { buildMenteesView } from './mentees';
import { currentMenteeLinksOf } from '../mentoring';
import { meetingsOfMentees, staffByIds } from './mentoring-reads';

export const NO_MENTEES =
  'You are not anyone’s mentor, coach or induction tutor in Twilight at the moment, so there is nobody to show. The CPD lead names mentors in the staff list; say "my cpd" for your own record.';

/** `mentees`: the people the asker mentors, coaches or is induction tutor for now, and nobody else. */
export async function menteesCommand(deps: AppDeps, actor: Actor): Promise<CardView> {
  const { store } = deps;
  const tenantId = actor.tenant.id;
  const today = localDateOf(deps.clock.now(), actor.tenant.settings.timezone);
  // Read by the asker's own id: nobody else's links are read at all.
  const links = await currentMenteeLinksOf(deps, tenantId, actor.staff.id, today);
  const menteeIds = links.map((l) => l.menteeId);
  if (menteeIds.length === 0) return notice('info', NO_MENTEES);
  const [staff, meetings] = await Promise.all([staffByIds(store, tenantId, menteeIds), meetingsOfMentees(store, tenantId, menteeIds)]);
  const view = buildMenteesView({ tenant: actor.tenant, mentor: actor.staff, links, staff, meetings, today });
  return view.mentees.length > 0 ? view : notice('info', NO_MENTEES);
}
