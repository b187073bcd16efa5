import type { CpdRequestListView, CpdRequestView } from '../views/cpd-request';
import type { CardContent } from './card-content';
import { actionSet, compact, execute, facts, heading, noticeBox, subheading, subtle, text, type AdaptiveAction, escapeMarkdown, markdown } from './elements';
import type { Container } from './schema';

/**
 * One request, as the requester, an approver, the booker or the lead sees it. Every copy
 * carries `refresh` with the request id, so each person's card shows the current state.
 */
export function cpdRequestCard(view: CpdRequestView): CardContent {
  const ids = { requestId: view.requestId };
  const buttons: AdaptiveAction[] = [
    ...(view.canDecide
      ? [execute('Approve', 'request.approve', ids, { style: 'positive' }), execute('Decline', 'request.decline.open', ids, { style: 'destructive' }), execute('Ask a question', 'request.ask.open', ids)]
      : []),
    ...(view.canBook ? [execute('Mark booked', 'request.book.open', ids, { style: 'positive' })] : []),
    ...(view.canWithdraw ? [execute('Withdraw', 'request.withdraw', ids)] : []),
    ...(view.canCancel ? [execute('Cancel the course', 'request.cancel', ids, { style: 'destructive' })] : []),
    ...(view.canAnswerAttendance
      ? [execute('Attended', 'request.attended', ids, { style: 'positive' }), execute('Did not attend', 'request.not-attended', ids), execute('It was cancelled', 'request.course-cancelled', ids)]
      : []),
  ];
  return {
    body: compact([
      heading(view.courseTitle),
      subtle(`${view.requesterName} · ${view.statusText}`),
      view.notice && noticeBox(view.notice),
      view.overBudget && noticeBox({ tone: 'warning', text: 'Over budget: this request would take the school past its CPD budget for the year.' }),
      facts(view.facts),
      subheading('Intended impact on pupils'),
      text(view.intendedImpact),
      view.context && view.context.length > 0 && subheading('For your decision'),
      view.context && view.context.length > 0 && facts(view.context),
      view.steps.length > 0 && subheading('Approvals'),
      view.steps.length > 0 && facts(view.steps.map((s) => ({ label: s.label, value: s.text }))),
      view.questions.length > 0 && subheading('Questions'),
      view.questions.length > 0 && facts(view.questions.map((q) => ({ label: q.from, value: q.text }))),
    ]),
    actions: buttons,
    refreshWith: ids,
    summary: `CPD request: ${view.courseTitle} (${view.requesterName}), ${view.statusText}`,
  };
}

export function cpdRequestListCard(view: CpdRequestListView): CardContent {
  const rows = view.rows.map((r): Container => ({
    type: 'Container',
    separator: true,
    items: [
      markdown(`**${escapeMarkdown(r.courseTitle)}** · ${escapeMarkdown(r.requesterName)}`),
      subtle(`${r.waitingForYou ? 'Waiting for you · ' : ''}${r.statusText} · ${r.costText}`),
      actionSet([execute(r.waitingForYou ? 'Decide' : 'Open', 'request.open', { requestId: r.requestId })]),
    ],
  }));
  return {
    body: [heading(view.title), ...(rows.length > 0 ? rows : [text(view.emptyText)])],
    actions: view.canRequest ? [execute('Request CPD', 'request.form.open', {})] : [],
    summary: view.rows.length > 0 ? `${view.rows.length} CPD requests` : view.emptyText,
  };
}
