import { InstallProvider, type InstallProviderOptions } from '@slack/oauth';
import express, { type Router } from 'express';
import type { Clock } from '../../domain/clock';
import type { Logger } from '../../log';
import type { AppDeps } from '../../app/deps';
import type { TwilightInstallationStore } from './installation-store';
import { TwilightStateStore } from './oauth-state-store';

type Store = AppDeps['store'];

export const SLACK_INSTALL_PATH = '/slack/install';
export const SLACK_REDIRECT_PATH = '/slack/oauth_redirect';

/** What the bot asks a workspace for: DMs and their buttons, the slash command, and e-mails to link staff. */
export const SLACK_BOT_SCOPES = ['chat:write', 'commands', 'im:history', 'im:write', 'users:read', 'users:read.email'];

export interface SlackOAuthConfig {
  clientId: string;
  clientSecret: string;
  /** Where Slack sends the admin back (PUBLIC_URL + /slack/oauth_redirect). */
  redirectUri?: string;
  /** Slack's Web API (tests: the fake) and its authorize page. */
  slackApiUrl?: string;
  authorizationUrl?: string;
}

const page = (title: string, text: string) =>
  `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${title}</title></head><body><h1>${title}</h1><p>${text}</p></body></html>`;
const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/**
 * Slack's OAuth installation flow through Bolt's installer: `/slack/install?tenant=<id>` sends the
 * admin to Slack (the tenant must exist: an install link names the trust it is for), and the
 * redirect stores the workspace's (or Grid organisation's) installation, its token sealed. Which
 * tenant it serves is the lead's decision (`tenant link slack T…`), never the link's.
 */
export function slackOAuthRoutes(deps: { store: Store; clock: Clock; logger: Logger; installerLogger: InstallProviderOptions['logger']; installations: TwilightInstallationStore; config: SlackOAuthConfig }): Router {
  const { config, logger } = deps;
  const installer = new InstallProvider({
    clientId: config.clientId,
    clientSecret: config.clientSecret,
    stateStore: new TwilightStateStore({ store: deps.store }),
    installationStore: deps.installations,
    directInstall: true,
    // Its refusals into our log (at warn, below), not onto the console.
    ...(deps.installerLogger ? { logger: deps.installerLogger } : {}),
    ...(config.slackApiUrl ? { clientOptions: { slackApiUrl: config.slackApiUrl } } : {}),
    ...(config.authorizationUrl ? { authorizationUrl: config.authorizationUrl } : {}),
  });
  const router = express.Router();
  router.get(SLACK_INSTALL_PATH, async (req, res) => {
    const tenantId = typeof req.query.tenant === 'string' ? req.query.tenant : '';
    const tenant = /^[A-Za-z0-9._:@-]{1,100}$/.test(tenantId) ? await deps.store.tenants.get(tenantId, tenantId) : undefined;
    if (!tenant) {
      res.status(404).type('html').send(page('Not an install link', 'This link names no Twilight trust. Ask your CPD lead for the install link: it ends in <code>?tenant=</code> and your trust’s id.'));
      return;
    }
    await installer.handleInstallPath(req, res, {}, { scopes: SLACK_BOT_SCOPES, metadata: tenant.value.id, ...(config.redirectUri ? { redirectUri: config.redirectUri } : {}) });
  });
  router.get(SLACK_REDIRECT_PATH, async (req, res) => {
    await installer.handleCallback(req, res, {
      // The installer calls these without awaiting them: a failure is logged and answered here.
      success: (installation, installOptions, _req, response) => {
        const answer = async () => {
          const where = installation.isEnterpriseInstall ? `organisation ${installation.enterprise?.id}` : `workspace ${installation.team?.id}`;
          const linked = installation.team?.id ? await deps.store.tenants.find(installOptions.metadata ?? '', { where: { slackTeamId: installation.team.id }, limit: 1 }) : [];
          logger.info({ teamId: installation.team?.id, enterpriseId: installation.enterprise?.id, requestedTenantId: installOptions.metadata }, 'slack: installed by OAuth');
          const next = linked.length > 0 ? 'It is linked to your trust: staff can use it now.' : `Your CPD lead now confirms it: they say <code>link slack ${escapeHtml(installation.team?.id ?? installation.enterprise?.id ?? '')}</code> to Twilight in chat (or run <code>tenant link slack … --also</code>); until then the bot answers nobody there.`;
          response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
          response.end(page('Twilight is installed', `Installed in Slack ${escapeHtml(where)}. ${next}`));
        };
        answer().catch((err: unknown) => {
          logger.error({ err }, 'slack: an install could not be finished');
          if (!response.headersSent) response.writeHead(500, { 'content-type': 'text/html; charset=utf-8' });
          response.end(page('Not finished', 'The install reached Slack but Twilight could not record it. Please try the install link again.'));
        });
      },
      failure: (error, _installOptions, _req, response) => {
        logger.warn({ code: (error as { code?: string }).code, reason: error.message }, 'slack: an install was refused');
        response.writeHead(400, { 'content-type': 'text/html; charset=utf-8' });
        response.end(page('Not installed', 'This install link has expired, was already used, or was opened in another browser. Start again from your CPD lead’s install link.'));
      },
    });
  });
  return router;
}
