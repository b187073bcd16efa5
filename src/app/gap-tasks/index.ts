/** What other features, and code outside src/app, use of gap-tasks/: import it from here, not from its files. */
export * from './gap-task-view';
export * from './gap-tasks';
export * from './shared-plan';
