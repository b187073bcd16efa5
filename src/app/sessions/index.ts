/** What other features, and code outside src/app, use of sessions/: import it from here, not from its files. */
export * from './audience-form';
export * from './facilitator-names';
export * from './find-session';
export * from './invitation-view';
export * from './publish-drafts';
export * from './record-invitations';
export * from './rsvp';
export * from './session-roles';
export { upcomingSessions } from './upcoming-sessions';
export * from './invitation-reach';
