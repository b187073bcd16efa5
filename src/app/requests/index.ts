/** What other features, and code outside src/app, use of requests/: import it from here, not from its files. */
export * from './budget';
export { cannotGoToBookedCourse } from './cannot-go';
export { chainGaps } from './request-chain-preview';
