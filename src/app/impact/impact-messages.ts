import type { Delivery, Staff, Tenant } from '../../domain';
import type { CardView } from '../../cards/views';
import type { AppDeps } from '../deps';
import { buildImpactView, impactRoleOf } from './impact-follow-up-view';

/**
 * The follow-up's two messages (planner-impact): to the person while it is unanswered, then to
 * their line manager while the person's answer awaits a view. Anything later sends nothing.
 */
export function composeImpactMessage(stage: 'person' | 'manager') {
  return async (deps: AppDeps, tenant: Tenant, recipient: Staff, delivery: Delivery): Promise<{ view: CardView; text: string } | string> => {
    const id = delivery.subject.impactFollowUpId;
    if (!id) return 'follow-up not found';
    const actor = { tenant, staff: recipient };
    const role = await impactRoleOf(deps, actor, id);
    if ('refused' in role) return role.refused;
    if (role.stage !== stage) return 'not this recipient';
    if (stage === 'person' && role.followUp.status !== 'asked') return 'already answered';
    if (stage === 'manager' && role.followUp.status !== 'answered') return 'already reviewed';
    const view = await buildImpactView(deps, actor, role);
    return { view, text: stage === 'person' ? `What difference has it made? ${view.sessionTitle}` : `${role.person.name} has said what difference ${view.sessionTitle} made: add your view` };
  };
}
