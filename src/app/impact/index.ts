/** What other features, and code outside src/app, use of impact/: import it from here, not from its files. */
export * from './impact-follow-up-view';
export * from './impact-messages';
export * from './long-term-impact';
export * from './submit-impact';
