/** What other features, and code outside src/app, use of calendar/: import it from here, not from its files. */
export * from './calendar-year';
