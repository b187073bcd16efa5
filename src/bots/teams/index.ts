export { createTeamsBot, type TeamsBot, type TeamsBotConfig, type TeamsBotDeps } from './create-teams-bot';
