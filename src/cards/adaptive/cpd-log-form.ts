import { CPD_LOG_EDIT, CPD_LOG_INTRO, CPD_LOG_LABELS, CPD_LOG_MAX_LENGTH, CPD_LOG_TYPE_CHOICES, type CpdLogField } from '../wording/cpd-log-form';
import type { CpdLogFormView } from '../views/cpd-log-form';
import type { CardContent } from './card-content';
import { compact, execute, fieldError, heading, noticeBox, subtle, type AdaptiveElement } from './elements';

function withError(view: CpdLogFormView, input: AdaptiveElement, id: CpdLogField): AdaptiveElement[] {
  const error = view.errors?.[id];
  return compact([input, error !== undefined && fieldError(error)]);
}

export function cpdLogFormCard(view: CpdLogFormView): CardContent {
  const kept = (id: CpdLogField) => (view.values?.[id] !== undefined ? { value: view.values[id] } : {});
  return {
    body: compact([
      heading(view.logId ? CPD_LOG_EDIT.title : 'Log CPD'),
      view.notice && noticeBox(view.notice),
      subtle(CPD_LOG_INTRO),
      ...withError(view, { type: 'Input.Text', id: 'what', label: CPD_LOG_LABELS.what, isRequired: true, errorMessage: 'Say what it was.', maxLength: CPD_LOG_MAX_LENGTH.what, ...kept('what') }, 'what'),
      ...withError(view, { type: 'Input.Date', id: 'on', label: CPD_LOG_LABELS.on, isRequired: true, errorMessage: 'Choose the day.', max: view.today, value: view.values?.on ?? view.today }, 'on'),
      // No min or max: Teams clamps a number to them (500 became 200); the server refuses it beside the field.
      // @ts-expect-error -- the 1.5 schema's Input.Number value is a number; this form keeps the typed text ("0"), as its snapshot asserts. Left for the lead to decide (cpd-request-form sends Number()).
      ...withError(view, { type: 'Input.Number', id: 'hours', label: CPD_LOG_LABELS.hours, isRequired: true, errorMessage: 'Give the hours.', ...kept('hours') }, 'hours'),
      ...withError(
        view,
        {
          type: 'Input.ChoiceSet',
          id: 'type',
          label: CPD_LOG_LABELS.type,
          style: 'compact',
          isRequired: true,
          errorMessage: 'Choose a type.',
          choices: CPD_LOG_TYPE_CHOICES.map((c) => ({ title: c.label, value: c.value })),
          value: view.values?.type ?? 'course',
        },
        'type',
      ),
      ...withError(
        view,
        { type: 'Input.Text', id: 'learned', label: CPD_LOG_LABELS.learned, isMultiline: true, isRequired: true, errorMessage: 'Say what you learned.', maxLength: CPD_LOG_MAX_LENGTH.learned, ...kept('learned') },
        'learned',
      ),
      view.logId && { type: 'Input.Toggle', id: 'remove', title: CPD_LOG_EDIT.remove, valueOn: 'true', valueOff: 'false', value: 'false' },
    ]),
    actions: [
      view.logId
        ? execute(CPD_LOG_EDIT.save, 'cpd.log.submit', { logId: view.logId }, { style: 'positive', withInputs: true })
        : execute('Add to my record', 'cpd.log.submit', {}, { style: 'positive', withInputs: true }),
    ],
    summary: 'Log CPD: what, when, hours, type and what you learned.',
  };
}
