/** What other features, and code outside src/app, use of records/: import it from here, not from its files. */
export * from './load-governors-report';
export * from './load-my-record';
export * from './my-record';
export { sessionHours } from './record-rows';
export { renewStatutoryTraining, undoSessionRenewal } from './renew-statutory';
export { loadStatutoryCertificate } from './statutory-certificate';
/** The governors' report as its loader returns it, for the CSV export (which has no business with cards). */
export type { GovernorsReportView } from '../../cards/views';
