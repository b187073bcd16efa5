/** What other features, and code outside src/app, use of register/: import it from here, not from its files. */
export * from './mark-attendance';
