/** Slack Block Kit renderers for the view models in src/cards/views.ts. */
export type { BlockKitHome, BlockKitMessage, BlockKitModal } from './block-types';
export type { KnownBlock } from '@slack/types';
export { renderAppHome } from './app-home';
export { renderCreateSessionModal } from './session-form-modal';
export { toSlackErrors, type SlackErrorsResponse } from './field-errors';
export { SLACK_LIMITS } from './limits';
export { renderBlockKitMessage } from './message';
export { isModalView, renderBlockKitModal, submitActionOf, type ModalView } from './modal';
export { REGISTER_BLOCK_PREFIX } from './register-modal';
export { FIELD_ACTION_ID, fieldBlockId, fieldIdOf } from './modal-fields';
export { renderSurveyFormModal } from './survey-form';
