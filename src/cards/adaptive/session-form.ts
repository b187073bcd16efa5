import { SESSION_FORM_HEAD, sessionFormTail, type SessionFormField } from '../wording/session-form';
import type { SessionFormView } from '../views/session-form';
import type { CardContent } from './card-content';
import { compact, execute, fieldError, heading, noticeBox, subtle, type AdaptiveElement } from './elements';

type Values = SessionFormView['values'];

function inputFor(field: SessionFormField, values: Values): AdaptiveElement {
  const value = values?.[field.id];
  const common = {
    id: field.id,
    label: field.label,
    ...(field.required ? { isRequired: true, errorMessage: `${field.label} is needed.` } : {}),
    ...(value !== undefined && field.input !== 'toggle' ? { value } : {}),
  };
  switch (field.input) {
    case 'choice':
      return {
        type: 'Input.ChoiceSet',
        ...common,
        style: 'compact',
        choices: field.choices?.map(([v, title]) => ({ title, value: v })) ?? [],
        ...(value === undefined && field.required && field.choices?.[0] ? { value: field.choices[0][0] } : {}),
        ...(field.required ? {} : { placeholder: 'None' }),
      };
    case 'toggle':
      return { type: 'Input.Toggle', id: field.id, title: field.label, valueOn: 'true', valueOff: 'false', value: value ?? 'false' };
    default:
      return {
        type: 'Input.Text',
        ...common,
        ...(field.input === 'long-text' ? { isMultiline: true } : {}),
        ...(field.maxLength ? { maxLength: field.maxLength } : {}),
        ...(field.placeholder ? { placeholder: field.placeholder } : {}),
      };
  }
}

function withError(input: AdaptiveElement, error: string | undefined): AdaptiveElement[] {
  return compact([input, error !== undefined && fieldError(error)]);
}

/** Teams asks for a date and two wall-clock times in the school's zone (Slack asks for a start and a length). */
function timeInputs(values: Values): AdaptiveElement[] {
  return [
    { type: 'Input.Date', id: 'date', label: 'Date', isRequired: true, errorMessage: 'Choose a date.', ...(values?.date ? { value: values.date } : {}) },
    {
      type: 'ColumnSet',
      columns: [
        { type: 'Column', width: 'stretch', items: [{ type: 'Input.Time', id: 'start', label: 'Starts', isRequired: true, errorMessage: 'Choose a start time.', value: values?.start ?? '16:00' }] },
        { type: 'Column', width: 'stretch', items: [{ type: 'Input.Time', id: 'end', label: 'Ends', isRequired: true, errorMessage: 'Choose an end time.', value: values?.end ?? '17:30' }] },
      ],
    },
  ];
}

/** The lead's new-session form, or the edit form filled in. Errors come back on this card with the input kept. */
export function sessionFormCard(view: SessionFormView): CardContent {
  const errors = view.errors ?? {};
  const fields = (list: SessionFormField[]) => list.flatMap((f) => withError(inputFor(f, view.values), errors[f.id]));
  const editing = view.sessionId !== undefined;
  return {
    body: compact([
      heading(editing ? 'Edit CPD session' : 'New CPD session'),
      subtle(
        editing
          ? 'Times are school time. A new time or place is told to everyone booked on, outside quiet hours.'
          : 'Times are school time. Invitations go to the audience as soon as you publish, outside quiet hours.',
      ),
      view.notice && noticeBox(view.notice),
      ...fields(SESSION_FORM_HEAD),
      ...timeInputs(view.values),
      errors.date !== undefined && fieldError(errors.date),
      errors.start !== undefined && fieldError(errors.start),
      errors.end !== undefined && fieldError(errors.end),
      ...fields(sessionFormTail(view)),
    ]),
    actions: [
      editing
        ? execute('Save changes', 'session.update', { sessionId: view.sessionId }, { style: 'positive', withInputs: true })
        : execute('Publish and invite', 'session.create', {}, { style: 'positive', withInputs: true }),
    ],
    summary: editing ? `Edit CPD session: ${view.values?.title ?? ''}` : 'New CPD session form',
  };
}
