import type { BlockKitModal, InputElement } from './block-types';
import { context, plain } from './blocks';
import { SLACK_LIMITS } from './limits';
import { FIELD_ACTION_ID, inputBlock, textInput } from './modal-fields';

/** Fields of the lead's "new session" modal; the bot parses them back by the same ids. */
export const CREATE_SESSION_FIELDS = ['title', 'category', 'kind', 'startsAt', 'durationMinutes', 'place', 'meetingUrl', 'description', 'capacity', 'compulsory'] as const;

function select(options: [string, string][]): InputElement {
  return {
    type: 'static_select',
    action_id: FIELD_ACTION_ID,
    options: options.map(([value, label]) => ({ text: plain(label, SLACK_LIMITS.optionText), value })),
  };
}

/** A lead's "/cpd new" modal. callback_id is the `session.create` verb. */
export function renderCreateSessionModal(privateMetadata: string, errors: Record<string, string> = {}): BlockKitModal {
  const e = (id: string) => (errors[id] ? { error: errors[id] } : {});
  return {
    type: 'modal',
    callback_id: 'session.create',
    title: plain('New CPD session', SLACK_LIMITS.modalTitle),
    submit: plain('Create', SLACK_LIMITS.modalButton),
    close: plain('Cancel', SLACK_LIMITS.modalButton),
    private_metadata: privateMetadata,
    blocks: [
      inputBlock('title', 'Title', textInput(undefined, 200, false), { optional: false, ...e('title') }),
      inputBlock('category', 'Category', select([['TL', 'Teaching & learning'], ['P', 'Pastoral'], ['Tech', 'Technology'], ['LD', 'Leadership']]), { optional: false, ...e('category') }),
      inputBlock('kind', 'Kind', select([['twilight', 'Twilight'], ['inset', 'INSET day'], ['voluntary', 'Voluntary'], ['ect', 'ECT'], ['external', 'External']]), { optional: false, ...e('kind') }),
      inputBlock('startsAt', 'Starts', { type: 'datetimepicker', action_id: FIELD_ACTION_ID }, { optional: false, ...e('startsAt') }),
      inputBlock('durationMinutes', 'Length in minutes', textInput('90', 4, false), { optional: false, ...e('durationMinutes') }),
      inputBlock('place', 'Place', textInput(undefined, 200, false), { optional: true, ...e('place') }),
      inputBlock('meetingUrl', 'Meeting link (https)', textInput(undefined, 500, false), { optional: true, ...e('meetingUrl') }),
      inputBlock('description', 'Description', textInput(undefined, 2000, true), { optional: true, ...e('description') }),
      inputBlock('capacity', 'Places (leave empty for no limit)', textInput(undefined, 5, false), { optional: true, ...e('capacity') }),
      inputBlock('compulsory', 'Compulsory', { type: 'checkboxes', action_id: FIELD_ACTION_ID, options: [{ text: plain('Everyone in the audience must attend', SLACK_LIMITS.optionText), value: 'yes' }] }, { optional: true, ...e('compulsory') }),
      context('Everyone in the trust is invited as soon as you press Create (outside quiet hours).'),
    ],
  };
}
