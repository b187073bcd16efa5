export { loadStatusFigures, MESSAGE_OUTCOMES, statusText, type MessageOutcome, type StatusFigures } from './status-figures';
export { statusCommand } from './status-command';
