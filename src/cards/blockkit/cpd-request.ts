import type { CpdRequestListView, CpdRequestView } from '../views/cpd-request';
import type { Button, KnownBlock } from '@slack/types';
import { actions, button, context, divider, fields, header, notice, section } from './blocks';
import { escapeMrkdwn } from './limits';

/** One request as a DM: the same facts for everyone, the buttons for whoever it is for. */
export function cpdRequestBlocks(view: CpdRequestView): KnownBlock[] {
  const ids = { requestId: view.requestId };
  const blocks: KnownBlock[] = [header(view.courseTitle), context(`${escapeMrkdwn(view.requesterName)} · ${escapeMrkdwn(view.statusText)}`)];
  if (view.notice) blocks.push(notice(view.notice));
  if (view.overBudget) blocks.push(notice({ tone: 'warning', text: 'Over budget: this request would take the school past its CPD budget for the year.' }));
  blocks.push(fields(view.facts), section(`*Intended impact on pupils*\n${escapeMrkdwn(view.intendedImpact)}`));
  if (view.context && view.context.length > 0) blocks.push(section('*For your decision*'), fields(view.context));
  if (view.steps.length > 0) blocks.push(section(`*Approvals*\n${view.steps.map((s) => `${escapeMrkdwn(s.label)}: ${escapeMrkdwn(s.text)}`).join('\n')}`));
  if (view.questions.length > 0) blocks.push(section(`*Questions*\n${view.questions.map((q) => `${escapeMrkdwn(q.from)}: ${escapeMrkdwn(q.text)}`).join('\n')}`));
  const buttons: Button[] = [
    ...(view.canDecide
      ? [
          button('Approve', { verb: 'request.approve', ...ids }, { style: 'primary' }),
          button('Decline', { verb: 'request.decline.open', ...ids }, { style: 'danger' }),
          button('Ask a question', { verb: 'request.ask.open', ...ids }),
        ]
      : []),
    ...(view.canBook ? [button('Mark booked', { verb: 'request.book.open', ...ids }, { style: 'primary' })] : []),
    ...(view.canWithdraw ? [button('Withdraw', { verb: 'request.withdraw', ...ids })] : []),
    ...(view.canCancel ? [button('Cancel the course', { verb: 'request.cancel', ...ids }, { style: 'danger' })] : []),
    ...(view.canAnswerAttendance
      ? [
          button('Attended', { verb: 'request.attended', ...ids }, { style: 'primary' }),
          button('Did not attend', { verb: 'request.not-attended', ...ids }),
          button('It was cancelled', { verb: 'request.course-cancelled', ...ids }),
        ]
      : []),
  ];
  if (buttons.length > 0) blocks.push(actions(buttons, `req:${view.requestId}`));
  return blocks;
}

export function cpdRequestListBlocks(view: CpdRequestListView): KnownBlock[] {
  const blocks: KnownBlock[] = [header(view.title)];
  if (view.rows.length === 0) blocks.push(section(escapeMrkdwn(view.emptyText)));
  view.rows.forEach((r, i) => {
    blocks.push(
      divider,
      section(
        `*${escapeMrkdwn(r.courseTitle)}* · ${escapeMrkdwn(r.requesterName)}\n${r.waitingForYou ? ':hourglass: Waiting for you · ' : ''}${escapeMrkdwn(r.statusText)} · ${escapeMrkdwn(r.costText)}`,
        button(r.waitingForYou ? 'Decide' : 'Open', { verb: 'request.open', requestId: r.requestId }, { suffix: String(i) }),
      ),
    );
  });
  if (view.canRequest) blocks.push(actions([button('Request CPD', { verb: 'request.form.open' })]));
  return blocks;
}

