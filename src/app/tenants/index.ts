/** What other features, and code outside src/app, use of tenants/: import it from here, not from its files. */
export * from './tenant-settings';
export * from './school-cpd-lead';
