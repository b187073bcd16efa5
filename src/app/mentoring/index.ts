/** What other features and the app root use of mentoring/ (issue 30): import it from here, not from its files. */
export * from './mentoring-links';
export * from './set-mentor';
export * from './find-person';
export * from './supporters';
export * from './mentor-change-text';
export * from './mentor-command';
export * from './programmes';
export * from './programmes-command';
export * from './programme-file';
export * from './pathway-assignments';
