/**
 * The welcome a CPD lead named by the deployer gets the first time they open the bot (Teams:
 * install or first message; Slack: App Home or first DM): the setup checklist, once.
 */
export { welcomeOnFirstVisit } from './setup';
