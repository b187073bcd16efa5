import type { GapTaskFormView } from '../views/gap-task';
import type { KnownBlock } from '@slack/types';
import { actions, button, context, fields, header, notice, section } from './blocks';
import { escapeMrkdwn } from './limits';
import { OWN_PART_FOUR_HINT, PLAN_SHARED_TEXT } from '../wording/gap-task';

const STAGE = { 'gap-plan': 'plan', 'gap-report': 'report' } as const;

/** The DM for a gap task: what to do, and a button that opens the plan or report modal. */
export function gapTaskMessageBlocks(view: GapTaskFormView): KnownBlock[] {
  const stage = STAGE[view.kind];
  const blocks: KnownBlock[] = [header(stage === 'plan' ? `Plan your gap task: ${view.sessionTitle}` : `Report on your gap task: ${view.sessionTitle}`)];
  // One green line: once done, the "saved" line below stands for the save notice too.
  if (view.notice && !(view.state === 'done' && view.notice.tone === 'good')) blocks.push(notice(view.notice));
  blocks.push(section(`*Intent:* ${escapeMrkdwn(view.intent)}\n*Gap task:* ${escapeMrkdwn(view.task)}`));
  if (view.planSummary && view.planSummary.length > 0) blocks.push(context('Your plan:'), fields(view.planSummary));
  if (view.state === 'done') {
    blocks.push(section(stage === 'plan' ? ':white_check_mark: Plan saved. Thank you.' : ':white_check_mark: Report saved. Thank you.'));
    if (view.planShared) blocks.push(context(PLAN_SHARED_TEXT));
    if (stage === 'report') blocks.push(context(escapeMrkdwn(OWN_PART_FOUR_HINT)));
  } else {
    blocks.push(context(escapeMrkdwn(view.dueText)));
    const verb = stage === 'plan' ? 'gap.plan.open' : 'gap.report.open';
    blocks.push(actions([button(stage === 'plan' ? 'Write my plan' : 'Write my report', { verb, gapTaskId: view.gapTaskId }, { style: 'primary' })], `gap:${view.gapTaskId}`));
  }
  return blocks;
}
