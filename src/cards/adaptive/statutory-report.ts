import { STATUTORY_REASON_MAX, STATUTORY_REPORT_INTRO, STATUTORY_REPORT_LABELS, STATUTORY_REVIEW_WORDS } from '../wording/statutory-report';
import type { StatutoryRejectFormView, StatutoryReportFormView, StatutoryReportReviewView } from '../views/statutory-report';
import type { CardContent } from './card-content';
import { actionSet, compact, execute, facts, fieldError, heading, noticeBox, openUrl, subtle, text, type AdaptiveElement } from './elements';

const withError = (error: string | undefined, input: AdaptiveElement): AdaptiveElement[] => compact([input, error !== undefined && fieldError(error)]);

export function statutoryReportFormCard(view: StatutoryReportFormView): CardContent {
  return {
    body: compact([
      heading('Report statutory training'),
      view.notice && noticeBox(view.notice),
      subtle(STATUTORY_REPORT_INTRO),
      ...withError(view.errors?.topic, {
        type: 'Input.ChoiceSet',
        id: 'topic',
        label: STATUTORY_REPORT_LABELS.topic,
        style: 'compact',
        isRequired: true,
        errorMessage: 'Choose the training.',
        choices: view.topics.map((t) => ({ title: t.label, value: t.value })),
        ...(view.values?.topic !== undefined ? { value: view.values.topic } : {}),
      }),
      ...withError(view.errors?.completedOn, {
        type: 'Input.Date',
        id: 'completedOn',
        label: STATUTORY_REPORT_LABELS.completedOn,
        isRequired: true,
        errorMessage: 'Choose the day.',
        max: view.today,
        value: view.values?.completedOn ?? view.today,
      }),
    ]),
    actions: [execute('Send to my CPD lead', 'statutory.report.submit', {}, { style: 'positive', withInputs: true })],
    summary: 'Report statutory training you completed.',
  };
}

export function statutoryReportReviewCard(view: StatutoryReportReviewView): CardContent {
  const ids = { statutoryReportId: view.reportId };
  return {
    body: compact([
      heading(STATUTORY_REVIEW_WORDS.title),
      view.notice && noticeBox(view.notice),
      facts(
        compact([
          { label: 'Who', value: view.schoolName ? `${view.personName} (${view.schoolName})` : view.personName },
          { label: 'Training', value: view.topic },
          { label: 'Completed', value: view.completedOnText },
          { label: 'If confirmed', value: view.expiresText },
          { label: 'Certificate', value: view.certificateText },
        ]),
      ),
      view.certificateUrl && actionSet([openUrl('Open the certificate', view.certificateUrl)]),
      view.outcomeText && text(view.outcomeText, { weight: 'Bolder' }),
    ]),
    actions:
      view.status === 'reported'
        ? [execute(STATUTORY_REVIEW_WORDS.confirm, 'statutory.report.confirm', ids, { style: 'positive' }), execute(STATUTORY_REVIEW_WORDS.reject, 'statutory.report.reject.open', ids, { style: 'destructive' })]
        : [],
    summary: `${view.personName}: ${view.topic} on ${view.completedOnText}`,
  };
}

export function statutoryRejectFormCard(view: StatutoryRejectFormView): CardContent {
  return {
    body: compact([
      heading('Not confirmed'),
      view.notice && noticeBox(view.notice),
      subtle(`${view.personName}: ${view.topic}, ${view.completedOnText}`),
      ...withError(view.errors?.reason, {
        type: 'Input.Text',
        id: 'reason',
        label: STATUTORY_REPORT_LABELS.reason,
        isMultiline: true,
        isRequired: true,
        errorMessage: 'Give a reason.',
        maxLength: STATUTORY_REASON_MAX,
        ...(view.values?.reason !== undefined ? { value: view.values.reason } : {}),
      }),
    ]),
    actions: [execute(STATUTORY_REVIEW_WORDS.send, 'statutory.report.reject', { statutoryReportId: view.reportId }, { style: 'destructive', withInputs: true })],
    summary: `Why ${view.personName}'s ${view.topic} is not confirmed`,
  };
}
