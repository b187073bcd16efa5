import { randomBytes } from 'node:crypto';
import type { ManualClock } from '../../../src/domain';
import type { Store } from '../../../src/store/store';
import { SLACK_INSTALL_PATH, SLACK_REDIRECT_PATH } from '../../../src/bots/slack/oauth-routes';
import { tenant } from '../../support/fixtures';
import { postSigned, startSlackHarness, TENANT, type SlackHarness } from './slack-harness';

/** A Slack harness with OAuth installs (no single bot token), and the browser's side of the flow. */
export async function startOAuthHarness(openStore?: (clock: ManualClock) => Promise<Store>): Promise<SlackHarness> {
  const h = await startSlackHarness({ oauthTokenKey: randomBytes(32), ...(openStore ? { openStore } : {}) });
  await h.store.tenants.create(tenant(TENANT));
  return h;
}

export interface InstallStart {
  status: number;
  state?: string;
  cookie?: string;
  location?: string;
}

/** An admin opens the lead's install link: Twilight redirects to Slack with a state, and sets its cookie. */
export async function openInstallLink(h: SlackHarness, tenantId: string): Promise<InstallStart> {
  const res = await fetch(`${h.baseUrl}${SLACK_INSTALL_PATH}?tenant=${encodeURIComponent(tenantId)}`, { redirect: 'manual' });
  await res.text();
  const location = res.headers.get('location') ?? undefined;
  const state = location ? (new URL(location).searchParams.get('state') ?? undefined) : undefined;
  const cookie = res.headers.get('set-cookie')?.split(';')[0];
  return { status: res.status, ...(state ? { state } : {}), ...(cookie ? { cookie } : {}), ...(location ? { location } : {}) };
}

/** Slack sends the admin's browser back with a code and the state. */
export async function redirectBack(h: SlackHarness, code: string, state: string, cookie?: string): Promise<{ status: number; text: string }> {
  const res = await fetch(`${h.baseUrl}${SLACK_REDIRECT_PATH}?code=${encodeURIComponent(code)}&state=${encodeURIComponent(state)}`, { headers: cookie ? { cookie } : {}, redirect: 'manual' });
  return { status: res.status, text: await res.text() };
}

/** The whole flow for one workspace: the code Slack would give for it, and back. */
export async function installWorkspace(h: SlackHarness, teamId: string, botToken: string): Promise<{ status: number; text: string }> {
  const start = await openInstallLink(h, TENANT);
  const code = `code-${teamId}-${randomBytes(4).toString('hex')}`;
  h.api.grants.set(code, { teamId, teamName: `School ${teamId}`, botToken, botUserId: `UBOT${teamId}` });
  return redirectBack(h, code, start.state!, start.cookie);
}

/** A signed Events API callback from one workspace. */
export async function postEventFrom(h: SlackHarness, teamId: string, eventId: string, event: Record<string, unknown>): Promise<number> {
  const body = JSON.stringify({ type: 'event_callback', token: 'legacy', team_id: teamId, api_app_id: 'A1', event_id: eventId, event_time: 1, event });
  const reply = await postSigned(h, body, { contentType: 'application/json' });
  await h.bot.drain();
  return reply.status;
}
