import type { App } from '@slack/bolt';
import { findPlatformTenant, unlinkSlackWorkspace } from '../../app/identity';
import type { SlackBotContext } from './bot-context';
import type { TwilightInstallationStore } from './installation-store';
import { AppUninstalledPayload, TokensRevokedPayload } from './slack-payloads';

/**
 * `app_uninstalled`, and `tokens_revoked` when the bot's token is among them: nobody in that
 * workspace can be reached through Slack any more, so their Slack links are removed and the
 * dispatcher stops trying (Teams if linked, else failed "unreachable"). bolt delivers both events
 * without authorizing them: the token they would be authorized with is gone.
 */
export function registerUninstall(app: App, ctx: SlackBotContext, installations?: TwilightInstallationStore): void {
  const unlink = async (teamId: string, eventId: string, enterprise: { enterpriseId?: string | undefined; isEnterpriseInstall?: boolean | undefined }) => {
    // The token goes first, whether or not the workspace was ever linked to a tenant: Slack has revoked it.
    if (installations) {
      await installations.deleteInstallation({ teamId, enterpriseId: enterprise.enterpriseId, isEnterpriseInstall: Boolean(enterprise.isEnterpriseInstall) });
      ctx.logger.info({ teamId, enterpriseId: enterprise.enterpriseId }, 'slack uninstall: the installation and its token removed');
    }
    const tenant = await findPlatformTenant(ctx.deps, 'slack', teamId, ctx.deps.defaultTenantId ?? 'demo');
    if (!tenant) {
      ctx.logger.info({ teamId }, 'slack uninstall: no tenant for this workspace, nothing linked');
      return;
    }
    // Slack retries an event it thinks we missed; the retry changes nothing (nor would a second run).
    const claim = await ctx.claims.claim(tenant.id, `event:${eventId}`);
    if (claim.outcome !== 'first') return;
    try {
      const unlinked = await unlinkSlackWorkspace(ctx.deps, tenant.id, teamId);
      ctx.logger.info({ tenantId: tenant.id, teamId, unlinked }, 'slack uninstall: workspace links removed');
      await claim.done();
    } catch (error) {
      // Let Slack's retry (or the next event) try again.
      await claim.release();
      throw error;
    }
  };

  app.event('app_uninstalled', async ({ body }) => {
    const parsed = AppUninstalledPayload.safeParse(body);
    if (!parsed.success) return;
    await unlink(parsed.data.team_id, parsed.data.event_id, { enterpriseId: parsed.data.enterprise_id ?? undefined, isEnterpriseInstall: parsed.data.is_enterprise_install });
  });
  app.event('tokens_revoked', async ({ body }) => {
    const parsed = TokensRevokedPayload.safeParse(body);
    // Only user tokens revoked: the bot still reaches everyone.
    if (!parsed.success || (parsed.data.event.tokens.bot ?? []).length === 0) return;
    await unlink(parsed.data.team_id, parsed.data.event_id, { enterpriseId: parsed.data.enterprise_id ?? undefined, isEnterpriseInstall: parsed.data.is_enterprise_install });
  });
}
