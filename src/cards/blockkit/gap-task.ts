import type { GapTaskFormView, NudgeView, TaskListView } from '../views';
import type { Block } from './block-types';
import { actions, button, context, divider, fields, header, notice, section } from './blocks';
import { escapeMrkdwn } from './limits';
import { openQuestionnaireBlocks } from './questionnaire-rows';

const STAGE = { 'gap-plan': 'plan', 'gap-report': 'report' } as const;

/** The DM for a gap task: what to do, and a button that opens the plan or report modal. */
export function gapTaskMessageBlocks(view: GapTaskFormView): Block[] {
  const stage = STAGE[view.kind];
  const blocks: Block[] = [header(stage === 'plan' ? `Plan your gap task: ${view.sessionTitle}` : `Report on your gap task: ${view.sessionTitle}`)];
  // One green line: once done, the "saved" line below stands for the save notice too.
  if (view.notice && !(view.state === 'done' && view.notice.tone === 'good')) blocks.push(notice(view.notice));
  blocks.push(section(`*Intent:* ${escapeMrkdwn(view.intent)}\n*Gap task:* ${escapeMrkdwn(view.task)}`));
  if (view.planSummary && view.planSummary.length > 0) blocks.push(context('Your plan:'), fields(view.planSummary));
  if (view.state === 'done') {
    blocks.push(section(stage === 'plan' ? ':white_check_mark: Plan saved. Thank you.' : ':white_check_mark: Report saved. Thank you.'));
  } else {
    blocks.push(context(escapeMrkdwn(view.dueText)));
    const verb = stage === 'plan' ? 'gap.plan.open' : 'gap.report.open';
    blocks.push(actions([button(stage === 'plan' ? 'Write my plan' : 'Write my report', { verb, gapTaskId: view.gapTaskId }, { style: 'primary' })], `gap:${view.gapTaskId}`));
  }
  return blocks;
}

const URGENCY_TEXT: Record<NudgeView['urgency'], string> = {
  early: 'A gentle reminder',
  soon: 'Coming up soon',
  tomorrow: 'Due tomorrow',
  overdue: 'Overdue',
};

export function nudgeBlocks(view: NudgeView): Block[] {
  const what = view.stage === 'plan' ? 'gap-task plan' : 'gap-task report';
  const blocks: Block[] = [header(`${URGENCY_TEXT[view.urgency]}: your ${what}`), section(`*${escapeMrkdwn(view.sessionTitle)}*\n${escapeMrkdwn(view.dueText)}`)];
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

export function taskListBlocks(view: TaskListView): Block[] {
  const blocks: Block[] = [header('Your gap tasks')];
  if (view.tasks.length === 0) return [...blocks, section(escapeMrkdwn(view.emptyText)), ...openQuestionnaireBlocks(view.openQuestionnaires)];
  view.tasks.forEach((t, i) => {
    const verb = t.stage === 'plan' ? 'gap.plan.open' : 'gap.report.open';
    const due = `${t.overdue ? ':exclamation: Overdue · ' : ''}${escapeMrkdwn(t.dueText)}`;
    blocks.push(
      divider,
      section(
        `*${escapeMrkdwn(t.sessionTitle)}* (${t.stage})\n${due}`,
        button(t.stage === 'plan' ? 'Write plan' : 'Write report', { verb, gapTaskId: t.gapTaskId }, { suffix: String(i) }),
      ),
    );
  });
  return [...blocks, ...openQuestionnaireBlocks(view.openQuestionnaires)];
}
