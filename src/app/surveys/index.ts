/** What other features, and code outside src/app, use of surveys/: import it from here, not from its files. */
export * from './load-survey-results';
export * from './survey-card-actions';
export * from './survey-commands';
export * from './survey-delivery-rules';
export * from './survey-results';
