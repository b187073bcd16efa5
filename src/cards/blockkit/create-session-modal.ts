import { SESSION_FORM_HEAD, sessionFormTail, type SessionFormField } from '../session-form-fields';
import type { SessionFormView } from '../views';
import type { BlockKitModal, InputElement } from './block-types';
import { context, plain } from './blocks';
import { SLACK_LIMITS, clip } from './limits';
import { FIELD_ACTION_ID, inputBlock, textInput } from './modal-fields';

function elementFor(field: SessionFormField): InputElement {
  switch (field.input) {
    case 'choice': {
      const options = (field.choices ?? []).slice(0, SLACK_LIMITS.selectOptions).map(([value, label]) => ({ text: plain(label, SLACK_LIMITS.optionText), value }));
      // A required choice starts on its first option (e.g. the whole trust), as the Teams card does.
      return field.required && options[0] ? { type: 'static_select', action_id: FIELD_ACTION_ID, options, initial_option: options[0] } : { type: 'static_select', action_id: FIELD_ACTION_ID, options };
    }
    case 'toggle':
      // modal-inputs reads a ticked "yes" as 'true', nothing ticked as 'false'.
      return { type: 'checkboxes', action_id: FIELD_ACTION_ID, options: [{ text: plain(field.label, SLACK_LIMITS.optionText), value: 'yes' }] };
    default: {
      const input = textInput(undefined, field.maxLength ?? SLACK_LIMITS.plainTextInputMax, field.input === 'long-text');
      return field.placeholder && input.type === 'plain_text_input' ? { ...input, placeholder: plain(clip(field.placeholder, SLACK_LIMITS.placeholder), SLACK_LIMITS.placeholder) } : input;
    }
  }
}

/**
 * A lead's "new session" modal (`/cpd new` or the New session button): the Teams form's fields,
 * except that Slack's datetimepicker gives the start and a length gives the end. Slack keeps what
 * was typed when it shows errors, so no values are put back. callback_id is the `session.create` verb.
 */
export function renderCreateSessionModal(privateMetadata: string, view: Pick<SessionFormView, 'followUpOptions' | 'schools' | 'errors'>): BlockKitModal {
  const errors = view.errors ?? {};
  const block = (field: SessionFormField) =>
    inputBlock(field.id, field.input === 'toggle' ? 'Compulsory' : field.label, elementFor(field), { optional: !field.required, ...(errors[field.id] ? { error: errors[field.id] } : {}) });
  const e = (id: string) => (errors[id] ? { error: errors[id] } : {});
  return {
    type: 'modal',
    callback_id: 'session.create',
    title: plain('New CPD session', SLACK_LIMITS.modalTitle),
    submit: plain('Publish', SLACK_LIMITS.modalButton),
    close: plain('Cancel', SLACK_LIMITS.modalButton),
    private_metadata: privateMetadata,
    blocks: [
      ...SESSION_FORM_HEAD.map(block),
      inputBlock('startsAt', 'Starts', { type: 'datetimepicker', action_id: FIELD_ACTION_ID }, { optional: false, ...e('startsAt') }),
      inputBlock('durationMinutes', 'Length in minutes', textInput('90', 4, false), { optional: false, ...e('durationMinutes') }),
      ...sessionFormTail(view).map(block),
      context('Times are school time. The audience is invited as soon as you press Publish (outside quiet hours).'),
    ],
  };
}
