import type { SharedGapPlanView } from '../views/shared-gap-plan';
import { sharedPlanReason } from '../wording/shared-gap-plan';
import type { CardContent } from './card-content';
import { compact, facts, heading, subheading, subtle } from './elements';

export function sharedGapPlanCard(view: SharedGapPlanView): CardContent {
  return {
    body: compact([
      heading(`${view.personName}'s gap-task plan`),
      subtle(view.sessionTitle),
      subtle(sharedPlanReason(view)),
      (view.intent || view.task) && facts(compact([view.intent && { label: 'Intent', value: view.intent }, view.task && { label: 'Task', value: view.task }])),
      subheading('Their plan'),
      facts(view.plan),
    ]),
    summary: `${view.personName} shared their gap-task plan: ${view.sessionTitle}`,
  };
}
