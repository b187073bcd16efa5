/** What other features, and code outside src/app, use of demo/: import it from here, not from its files. */
export * from './seed-demo';
