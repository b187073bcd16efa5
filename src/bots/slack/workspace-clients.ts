import { webApi } from '@slack/bolt';
import type { TwilightInstallationStore } from './installation-store';

/**
 * One WebClient per workspace token, for calls made outside a request (proactive sends, linking
 * staff): the token of the recipient's own workspace (or its Grid organisation), read from the
 * installation store each time, so a revoked workspace's token is never used again.
 */
export class WorkspaceClients {
  private readonly clients = new Map<string, webApi.WebClient>();

  constructor(
    private readonly installations: TwilightInstallationStore,
    private readonly options: webApi.WebClientOptions,
  ) {}

  async forTeam(teamId: string): Promise<webApi.WebClient | undefined> {
    const found = await this.installations.find({ teamId });
    const orgs = found ? [] : await this.installations.organisations();
    // An organisation-wide install serves its workspaces; with more than one org, the workspace's own install is needed.
    const installation = found ?? (orgs.length === 1 ? orgs[0] : undefined);
    if (!installation) return undefined;
    const token = await this.installations.tokenOf(installation);
    let client = this.clients.get(token);
    if (!client) {
      client = new webApi.WebClient(token, this.options);
      this.clients.set(token, client);
    }
    return client;
  }
}
