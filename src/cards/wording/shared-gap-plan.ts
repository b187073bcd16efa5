import type { SharedGapPlanView } from '../views/shared-gap-plan';

/** The line under the heading: why the reader was sent it. */
export function sharedPlanReason(view: SharedGapPlanView): string {
  return view.audience === 'line-manager'
    ? `${view.personName} chose to share this plan with you as their line manager (gap-task part 2: "share with your SLT").`
    : `${view.personName} chose to share this plan with their line manager and their school's senior leaders (gap-task part 2: "share with your SLT").`;
}
