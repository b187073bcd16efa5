/** What other features, and code outside src/app, use of reports/: import it from here, not from its files. The command handlers (report-commands.ts) are reached from the root command table. */
export * from './comment-themes';
export * from './lead-session-report';
export * from './load-programme-report';
export * from './load-provider-report';
export * from './provider-report';
export * from './load-session-answers';
export * from './programme-report';
export * from './programme-report-view';
export * from './reaction-stats';
export * from './report-deps';
export * from './report-format';
export * from './report-links';
