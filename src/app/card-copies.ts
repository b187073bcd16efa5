/**
 * Every sent card that shows the same request as the one just answered, with its view for its
 * reader now: for platforms that must update each copy themselves (Slack's chat.update; Teams
 * cards refresh on view). Part of the app's face for the bots.
 */
export { requestCardCopies, type RequestCardCopy } from './requests/request-copies';
