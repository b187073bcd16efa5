import type { LeadDigestView } from '../views/lead-digest';

/** " (62%)" after a count, or nothing when there is no rate. */
export function percentText(rate: number | undefined): string {
  return rate === undefined ? '' : ` (${Math.round(rate * 100)}%)`;
}

/** The programme's gap-task and request counts, labelled the same on both platforms. */
export function gapTaskFigures(view: LeadDigestView): { label: string; value: string }[] {
  const g = view.gapTasks;
  return [
    { label: 'Gap tasks open', value: String(g.open) },
    { label: 'Awaiting a plan', value: String(g.awaitingPlan) },
    { label: 'Due in 7 days', value: String(g.dueSoon) },
    { label: 'Overdue', value: String(g.overdue) },
    { label: 'Reported that week', value: String(g.reportedThisWeek) },
    { label: 'Further CPD asked for', value: String(view.furtherCpdRequests) },
    ...(view.impactFollowUps
      ? [
          { label: 'Impact follow-ups awaiting an answer', value: String(view.impactFollowUps.awaitingAnswer) },
          { label: "Awaiting the line manager's view", value: String(view.impactFollowUps.awaitingManager) },
        ]
      : []),
  ];
}
