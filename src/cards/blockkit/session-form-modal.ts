import { SESSION_FORM_HEAD, sessionFormTail, type SessionFormField } from '../wording/session-form';
import type { SessionFormView } from '../views/session-form';
import type { InputBlockElement } from '@slack/types';
import type { BlockKitModal } from './block-types';
import { context, plain } from './blocks';
import { SLACK_LIMITS, clip } from './limits';
import { FIELD_ACTION_ID, inputBlock, textInput } from './modal-fields';

type FormView = Pick<SessionFormView, 'followUpOptions' | 'schools' | 'errors' | 'values' | 'sessionId' | 'statutoryTopics'>;

function elementFor(field: SessionFormField, value: string | undefined): InputBlockElement {
  switch (field.input) {
    case 'choice': {
      const options = (field.choices ?? []).slice(0, SLACK_LIMITS.selectOptions).map(([v, label]) => ({ text: plain(label, SLACK_LIMITS.optionText), value: v }));
      // A required choice starts on its first option (e.g. the whole trust), as the Teams card does.
      const initial = options.find((o) => o.value === value) ?? (field.required ? options[0] : undefined);
      return initial ? { type: 'static_select', action_id: FIELD_ACTION_ID, options, initial_option: initial } : { type: 'static_select', action_id: FIELD_ACTION_ID, options };
    }
    case 'toggle': {
      // modal-inputs reads a ticked "yes" as 'true', nothing ticked as 'false'.
      const yes = { text: plain(field.label, SLACK_LIMITS.optionText), value: 'yes' };
      return value === 'true' ? { type: 'checkboxes', action_id: FIELD_ACTION_ID, options: [yes], initial_options: [yes] } : { type: 'checkboxes', action_id: FIELD_ACTION_ID, options: [yes] };
    }
    default: {
      const input = textInput(value, field.maxLength ?? SLACK_LIMITS.plainTextInputMax, field.input === 'long-text');
      return field.placeholder && input.type === 'plain_text_input' ? { ...input, placeholder: plain(clip(field.placeholder, SLACK_LIMITS.placeholder), SLACK_LIMITS.placeholder) } : input;
    }
  }
}

/**
 * A lead's session modal (`/cpd new`, `/cpd edit <title>` or the form button): the Teams form's
 * fields, except that Slack's datetimepicker gives the start and a length gives the end. An edit
 * opens filled in; Slack keeps what was typed when it shows errors. callback_id is the submit verb.
 */
export function renderCreateSessionModal(privateMetadata: string, view: FormView): BlockKitModal {
  const errors = view.errors ?? {};
  const values = view.values ?? {};
  const editing = view.sessionId !== undefined;
  const block = (field: SessionFormField) =>
    inputBlock(field.id, field.input === 'toggle' ? 'Compulsory' : field.label, elementFor(field, values[field.id]), { optional: !field.required, ...(errors[field.id] ? { error: errors[field.id] } : {}) });
  const e = (id: string) => (errors[id] ? { error: errors[id] } : {});
  const startsAt = Number(values.startsAt);
  return {
    type: 'modal',
    callback_id: editing ? 'session.update' : 'session.create',
    title: plain(editing ? 'Edit CPD session' : 'New CPD session', SLACK_LIMITS.modalTitle),
    submit: plain(editing ? 'Save' : 'Publish', SLACK_LIMITS.modalButton),
    close: plain('Cancel', SLACK_LIMITS.modalButton),
    private_metadata: privateMetadata,
    blocks: [
      ...SESSION_FORM_HEAD.map(block),
      inputBlock('startsAt', 'Starts', { type: 'datetimepicker', action_id: FIELD_ACTION_ID, ...(Number.isFinite(startsAt) && values.startsAt ? { initial_date_time: startsAt } : {}) }, { optional: false, ...e('startsAt') }),
      inputBlock('durationMinutes', 'Length in minutes', textInput(values.durationMinutes ?? '90', 4, false), { optional: false, ...e('durationMinutes') }),
      ...sessionFormTail(view).map(block),
      context(
        editing
          ? 'Times are school time. A new time or place is told to everyone booked on (outside quiet hours).'
          : 'Times are school time. The audience is invited as soon as you press Publish (outside quiet hours).',
      ),
    ],
  };
}
