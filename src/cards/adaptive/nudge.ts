import type { NudgeView } from '../views/nudge';
import type { CardContent } from './card-content';
import { compact, execute, noticeBox, subtle, text } from './elements';

const HEADLINE: Record<NudgeView['urgency'], string> = {
  early: 'A gentle nudge',
  soon: 'Coming up soon',
  tomorrow: 'Due tomorrow',
  overdue: 'Overdue',
};

const STAGE: Record<NudgeView['stage'], { what: string; button: string; verb: 'gap.plan.open' | 'gap.report.open' }> = {
  plan: { what: 'Plan your gap task', button: 'Plan it now', verb: 'gap.plan.open' },
  report: { what: 'Report the impact of your gap task', button: 'Report now', verb: 'gap.report.open' },
};

export function nudgeCard(view: NudgeView): CardContent {
  const stage = STAGE[view.stage];
  const ids = { gapTaskId: view.gapTaskId };
  return {
    body: compact([
      text(HEADLINE[view.urgency], { isSubtle: true, weight: 'Bolder', color: view.urgency === 'overdue' ? 'Attention' : 'Default' }),
      text(stage.what, { size: 'Medium', weight: 'Bolder' }),
      subtle(`${view.sessionTitle} · ${view.dueText}`),
      view.done && noticeBox({ tone: 'good', text: 'Done. Thank you!' }),
      !view.done && view.snoozedUntilText && noticeBox({ tone: 'info', text: view.snoozedUntilText }),
    ]),
    actions: view.done ? [] : [execute(stage.button, stage.verb, ids, { style: 'positive' }), execute('Remind me later', 'nudge.snooze', ids)],
    refreshWith: ids,
    summary: `${HEADLINE[view.urgency]}: ${stage.what} (${view.sessionTitle})`,
  };
}
