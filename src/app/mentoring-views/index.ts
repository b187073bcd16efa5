/** What other features, and code outside src/app, use of mentoring-views/ (issue 30 item 5, "Who sees what"): import it from here. */
export * from './mentees-command';
export * from './mentoring-reads';
