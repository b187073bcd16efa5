/** What other features, and code outside src/app, use of mentoring-meetings/ (mentoring in chat, docs/mentoring.md): import it from here. */
export * from './agreed-actions';
export * from './meeting-access';
export * from './meeting-forms';
export * from './meeting-view';
export * from './mentoring-messages';
export * from './progress-review';
export * from './reflection-added';
