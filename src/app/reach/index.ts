/** What other features and the app root use of reach/: who could not be reached, and why. */
export { recentUndelivered, sessionUndelivered, summariseUndelivered, undeliveredReasonOf, unreachableCommand, UNDELIVERED_REASONS } from './undelivered';
