import { z } from 'zod';
import { Id, Instant } from './ids';

/** The one partition Slack installations live in: one small document per workspace or Grid org. */
export const SLACK_INSTALLATIONS = 'slack-installations';
/** The partition of OAuth `state` values waiting for Slack's redirect (each used once). */
export const SLACK_OAUTH_STATES = 'slack-oauth-states';

/**
 * Twilight installed in one Slack workspace, or in a whole Enterprise Grid organisation
 * (`org_deploy_enabled`). The bot token is kept sealed (AES-256-GCM, key from configuration):
 * `botTokenSealed` is never the token itself.
 */
export const SlackInstallation = z.object({
  tenantId: z.literal(SLACK_INSTALLATIONS),
  /** `team:T…` for a workspace, `org:E…` for an organisation-wide install. */
  id: Id,
  teamId: z.string().min(1).optional(),
  enterpriseId: z.string().min(1).optional(),
  isEnterpriseInstall: z.boolean(),
  /** For the lead: the workspace or organisation as Slack names it. */
  name: z.string().max(200).optional(),
  botId: z.string().min(1),
  botUserId: z.string().min(1),
  botTokenSealed: z.string().min(1),
  scopes: z.array(z.string()).default([]),
  installerUserId: z.string().min(1).optional(),
  /** The Twilight tenant the installing admin asked for; the lead links it (`tenant link slack`). */
  requestedTenantId: Id.optional(),
  installedAt: Instant,
});
export type SlackInstallation = z.infer<typeof SlackInstallation>;

export function slackInstallationId(query: { teamId?: string | undefined; enterpriseId?: string | undefined; isEnterpriseInstall?: boolean | undefined }): string | undefined {
  if (query.isEnterpriseInstall) return query.enterpriseId ? `org:${query.enterpriseId}` : undefined;
  return query.teamId ? `team:${query.teamId}` : undefined;
}

/** An OAuth `state` handed to one browser on /slack/install; consumed (deleted) by the redirect. */
export const SlackOAuthState = z.object({
  tenantId: z.literal(SLACK_OAUTH_STATES),
  id: z.string().regex(/^[a-f0-9]{64}$/),
  /** Handed back to the installer after the redirect (the install options, as JSON). */
  installOptions: z.string().max(4000),
  createdAt: Instant,
  expiresAt: Instant,
});
export type SlackOAuthState = z.infer<typeof SlackOAuthState>;
