/** What other features, and code outside src/app, use of tenants/: import it from here, not from its files. */
export * from './tenant-settings';
export * from './change-settings';
export * from './settings-text';
export * from './settings-form';
export { linkWorkspaceCommand } from './link-workspace-command';
export * from './school-cpd-lead';
