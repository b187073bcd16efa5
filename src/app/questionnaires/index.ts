/** What other features, and code outside src/app, use of questionnaires/: import it from here, not from its files. */
export * from './open-questionnaires';
export * from './questionnaire-view';
export * from './submit-questionnaire';
export * from './template-file';
