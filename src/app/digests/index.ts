/** What other features, and code outside src/app, use of digests/: import it from here, not from its files. */
export * from './digest-week';
export * from './load-lead-digest';
export * from './load-manager-digest';
