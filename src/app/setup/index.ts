/** What the app root, the CLI and main.ts use of setup/: the lead's checklist, naming the first lead, the welcome. */
export { setupChecklist } from './setup-checklist';
export { nameCpdLead, welcomeKeyId, type NameLeadResult } from './first-lead';
export { welcomeOnFirstVisit } from './welcome';
