import type { Installation, InstallationQuery, InstallationStore } from '@slack/oauth';
import { SLACK_INSTALLATIONS, slackInstallationId, type SlackInstallation } from '../../domain';
import type { Clock } from '../../domain/clock';
import type { AppDeps } from '../../app/deps';
import { openToken, sealToken } from './token-seal';

type Store = AppDeps['store'];

/** Bolt's installer keeps its installations in Twilight's own store (either kind), bot tokens sealed. */
export class TwilightInstallationStore implements InstallationStore {
  constructor(private readonly deps: { store: Store; clock: Clock; tokenKey: Buffer }) {}

  async storeInstallation(installation: Installation<'v1' | 'v2', boolean>): Promise<void> {
    const isEnterpriseInstall = Boolean(installation.isEnterpriseInstall);
    const id = slackInstallationId({ teamId: installation.team?.id, enterpriseId: installation.enterprise?.id, isEnterpriseInstall });
    const bot = installation.bot;
    if (!id || !bot?.token || !bot.userId || !bot.id) throw new Error('the Slack installation has no workspace/organisation id or no bot token');
    const record: SlackInstallation = {
      tenantId: SLACK_INSTALLATIONS,
      id,
      ...(installation.team?.id ? { teamId: installation.team.id } : {}),
      ...(installation.enterprise?.id ? { enterpriseId: installation.enterprise.id } : {}),
      isEnterpriseInstall,
      ...((installation.team?.name ?? installation.enterprise?.name) ? { name: (installation.team?.name ?? installation.enterprise?.name)!.slice(0, 200) } : {}),
      botId: bot.id,
      botUserId: bot.userId,
      botTokenSealed: sealToken(this.deps.tokenKey, bot.token, id),
      scopes: bot.scopes ?? [],
      ...(installation.user?.id ? { installerUserId: installation.user.id } : {}),
      ...(installation.metadata ? { requestedTenantId: installation.metadata } : {}),
      installedAt: this.deps.clock.now().toISOString(),
    };
    // A reinstall replaces the record (a new token); the last install wins, as in Slack.
    await this.deps.store.slackInstallations.put(record);
  }

  async fetchInstallation(query: InstallationQuery<boolean>): Promise<Installation<'v1' | 'v2', boolean>> {
    const found = await this.find(query);
    if (!found) throw new Error(`no Slack installation for ${query.isEnterpriseInstall ? `organisation ${query.enterpriseId}` : `workspace ${query.teamId}`}`);
    return {
      team: found.teamId ? { id: found.teamId } : undefined,
      enterprise: found.enterpriseId ? { id: found.enterpriseId } : undefined,
      isEnterpriseInstall: found.isEnterpriseInstall,
      user: { id: found.installerUserId ?? '', token: undefined, scopes: undefined },
      bot: { id: found.botId, userId: found.botUserId, token: openToken(this.deps.tokenKey, found.botTokenSealed, found.id), scopes: found.scopes },
      tokenType: 'bot',
      authVersion: 'v2',
    } as Installation<'v2', boolean>;
  }

  async deleteInstallation(query: InstallationQuery<boolean>): Promise<void> {
    const found = await this.find(query);
    if (found) await this.deps.store.slackInstallations.delete(SLACK_INSTALLATIONS, found.id);
  }

  async organisations(): Promise<SlackInstallation[]> {
    const all = await this.deps.store.slackInstallations.find(SLACK_INSTALLATIONS, { where: { isEnterpriseInstall: true }, limit: 50 });
    return all.map((r) => r.value);
  }

  tokenOf(installation: SlackInstallation): Promise<string> {
    return Promise.resolve(openToken(this.deps.tokenKey, installation.botTokenSealed, installation.id));
  }

  /** Every installation (workspaces and organisations), for work done per workspace such as linking staff. */
  async all(): Promise<SlackInstallation[]> {
    return (await this.deps.store.slackInstallations.find(SLACK_INSTALLATIONS, { limit: 500 })).map((r) => r.value);
  }

  /** The workspace's own install, else its organisation's (an org-wide install serves every workspace in it). */
  async find(query: { teamId?: string | undefined; enterpriseId?: string | undefined; isEnterpriseInstall?: boolean | undefined }): Promise<SlackInstallation | undefined> {
    const ids = [
      ...(query.isEnterpriseInstall ? [] : [slackInstallationId({ teamId: query.teamId })]),
      slackInstallationId({ enterpriseId: query.enterpriseId, isEnterpriseInstall: true }),
    ].filter((id): id is string => id !== undefined);
    for (const id of ids) {
      const got = await this.deps.store.slackInstallations.get(SLACK_INSTALLATIONS, id);
      if (got) return got.value;
    }
    return undefined;
  }
}
