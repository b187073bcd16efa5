import type { CardView } from '../../cards/views';
import type { ImpactFollowUpView } from '../../cards/views/impact-follow-up';
import { APPLIED_LABELS, IMPACT_EVIDENCE_LABELS, type ImpactFollowUp, type Staff } from '../../domain';
import type { Actor } from '../people';
import type { AppDeps } from '../deps';
import { notice } from '../notice';

export type ImpactRole = { stage: 'person' | 'manager'; followUp: ImpactFollowUp; version: string; person: Staff };

/**
 * Who may see a follow-up: the person it asks, and their own line manager once the person has
 * answered. Nobody else, not even another manager (docs/privacy.md).
 */
export async function impactRoleOf(deps: AppDeps, actor: Actor, impactFollowUpId: string): Promise<ImpactRole | { refused: string }> {
  const read = await deps.store.impactFollowUps.get(actor.tenant.id, impactFollowUpId);
  if (!read) return { refused: "I can't find that follow-up. It may have been withdrawn." };
  const followUp = read.value;
  const person = (await deps.store.staff.get(actor.tenant.id, followUp.staffId))?.value;
  if (!person) return { refused: "I can't find that follow-up. It may have been withdrawn." };
  if (followUp.staffId === actor.staff.id) return { stage: 'person', followUp, version: read.version, person };
  if (person.lineManagerId === actor.staff.id && followUp.status !== 'asked') return { stage: 'manager', followUp, version: read.version, person };
  return { refused: 'This follow-up is not yours to answer.' };
}

export function personAnswerFacts(followUp: ImpactFollowUp): { label: string; value: string }[] {
  const a = followUp.person;
  if (!a) return [];
  return [
    { label: 'Applied', value: APPLIED_LABELS[a.applied] },
    { label: 'How', value: a.how },
    { label: 'For pupils', value: a.pupilChange },
    { label: 'Evidence', value: a.evidence.map((e) => IMPACT_EVIDENCE_LABELS[e]).join(', ') },
  ];
}

export async function buildImpactView(deps: AppDeps, actor: Actor, role: ImpactRole, extra: Pick<ImpactFollowUpView, 'values' | 'errors' | 'notice'> = {}): Promise<ImpactFollowUpView> {
  const { followUp, stage, person } = role;
  const session = (await deps.store.sessions.get(actor.tenant.id, followUp.sessionId))?.value;
  const weeks = session?.impactFollowUp?.weeksAfter;
  const done = stage === 'person' ? followUp.status !== 'asked' : followUp.status === 'reviewed';
  return {
    kind: 'impact-follow-up',
    impactFollowUpId: followUp.id,
    stage,
    sessionTitle: session?.title ?? 'A past session',
    whenText: weeks ? `${weeks} school weeks after the last session` : 'Some weeks after the session',
    ...(stage === 'manager' ? { personName: person.name, personAnswer: personAnswerFacts(followUp) } : {}),
    state: done ? 'done' : 'open',
    ...extra,
  };
}

/** `impact.open` / refresh: the form for whoever is looking, or why not. */
export async function openImpactFollowUp(deps: AppDeps, actor: Actor, impactFollowUpId: string): Promise<{ ok: boolean; view: CardView }> {
  const role = await impactRoleOf(deps, actor, impactFollowUpId);
  if ('refused' in role) return { ok: false, view: notice('attention', role.refused) };
  return { ok: true, view: await buildImpactView(deps, actor, role) };
}
