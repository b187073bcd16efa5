import { randomBytes } from 'node:crypto';
import type { InstallURLOptions, StateStore } from '@slack/oauth';
import { SLACK_OAUTH_STATES } from '../../domain';
import type { AppDeps } from '../../app/deps';

type Store = AppDeps['store'];

/** How long an install link's `state` waits for Slack's redirect. */
export const OAUTH_STATE_TTL_MS = 10 * 60_000;

/**
 * OAuth `state` kept in Twilight's store, not signed into the URL: each value is random, known only
 * to the server, bound to the browser by the installer's cookie, and deleted under its ETag when
 * the redirect comes back, so a forged state is unknown and a replayed one is already gone
 * (on every instance: the store is shared).
 */
export class TwilightStateStore implements StateStore {
  constructor(private readonly deps: { store: Store }) {}

  async generateStateParam(installOptions: InstallURLOptions, now: Date): Promise<string> {
    const id = randomBytes(32).toString('hex');
    await this.deps.store.slackOAuthStates.create(
      { tenantId: SLACK_OAUTH_STATES, id, installOptions: JSON.stringify(installOptions), createdAt: now.toISOString(), expiresAt: new Date(now.getTime() + OAUTH_STATE_TTL_MS).toISOString() },
      { ttlSeconds: Math.ceil(OAUTH_STATE_TTL_MS / 1000) },
    );
    return id;
  }

  async verifyStateParam(now: Date, state: string): Promise<InstallURLOptions> {
    if (!/^[a-f0-9]{64}$/.test(state)) throw new Error('the OAuth state is not one this server issued');
    const found = await this.deps.store.slackOAuthStates.get(SLACK_OAUTH_STATES, state);
    if (!found) throw new Error('the OAuth state is unknown or was already used');
    const deleted = await this.deps.store.slackOAuthStates.delete(SLACK_OAUTH_STATES, state, { ifVersion: found.version });
    if (!deleted.ok) throw new Error('the OAuth state was already used');
    if (now.getTime() > Date.parse(found.value.expiresAt)) throw new Error('the OAuth state has expired: start the install again');
    return JSON.parse(found.value.installOptions) as InstallURLOptions;
  }
}
