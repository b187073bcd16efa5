import type { Staff, Tenant } from '../../domain';
import type { CardView } from '../../cards/views';
import type { InductionDigestView } from '../../cards/views/induction-digest';
import type { Actor } from '../people';
import type { AppDeps } from '../deps';
import { notice } from '../notice';
import { loadInductionDigest } from './load-induction-digest';

export const NOT_AN_INDUCTION_TUTOR =
  'The induction digest is for induction tutors: it covers the early-career teachers you are induction tutor for, and you are nobody’s at the moment. Say "mentees" for the people you mentor.';

/** The fortnightly `induction-digest` outbox record: its card, or why it is not sent. */
export async function composeInductionDigest(deps: AppDeps, tenant: Tenant, recipient: Staff): Promise<{ view: InductionDigestView; text: string } | string> {
  const digest = await loadInductionDigest(deps, tenant.id, recipient.id, deps.clock.now());
  if (!digest.ok) return digest.message;
  // Planned while they were a tutor; a link ended since then stops it (and with it the school's list).
  if (digest.value.ects.length === 0) return 'no early-career teachers as induction tutor';
  return { view: digest.value, text: `Your early-career teachers (${digest.value.dateText})` };
}

/** `induction`: the same digest on demand, for an induction tutor only (the school's unmentored list is theirs to see). */
export async function inductionDigestCommand(deps: AppDeps, actor: Actor): Promise<CardView> {
  const digest = await loadInductionDigest(deps, actor.tenant.id, actor.staff.id, deps.clock.now());
  if (!digest.ok) return notice('attention', digest.message);
  return digest.value.ects.length > 0 ? digest.value : notice('info', NOT_AN_INDUCTION_TUTOR);
}
