export interface NudgeView {
  kind: 'nudge';
  gapTaskId: string;
  sessionTitle: string;
  stage: 'plan' | 'report';
  dueText: string;
  urgency: 'early' | 'soon' | 'tomorrow' | 'overdue';
  snoozedUntilText?: string;
  done: boolean;
}
