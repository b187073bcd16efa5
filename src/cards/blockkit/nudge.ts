import type { NudgeView } from '../views/nudge';
import type { KnownBlock } from '@slack/types';
import { actions, button, context, header, section } from './blocks';
import { escapeMrkdwn } from './limits';

const URGENCY_TEXT: Record<NudgeView['urgency'], string> = {
  early: 'A gentle reminder',
  soon: 'Coming up soon',
  tomorrow: 'Due tomorrow',
  overdue: 'Overdue',
};

export function nudgeBlocks(view: NudgeView): KnownBlock[] {
  const what = view.stage === 'plan' ? 'gap-task plan' : 'gap-task report';
  const blocks: KnownBlock[] = [header(`${URGENCY_TEXT[view.urgency]}: your ${what}`), section(`*${escapeMrkdwn(view.sessionTitle)}*\n${escapeMrkdwn(view.dueText)}`)];
  if (view.done) return [...blocks, section(':white_check_mark: Done. Thank you.')];
  if (view.snoozedUntilText) blocks.push(context(`:zzz: Snoozed until ${escapeMrkdwn(view.snoozedUntilText)}`));
  const open = view.stage === 'plan' ? 'gap.plan.open' : 'gap.report.open';
  blocks.push(
    actions(
      [
        button(view.stage === 'plan' ? 'Write my plan' : 'Write my report', { verb: open, gapTaskId: view.gapTaskId }, { style: 'primary' }),
        button('Remind me later', { verb: 'nudge.snooze', gapTaskId: view.gapTaskId }),
      ],
      `gap:${view.gapTaskId}`,
    ),
  );
  return blocks;
}
