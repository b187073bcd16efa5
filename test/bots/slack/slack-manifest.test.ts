import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { SLASH_COMMAND } from '../../../src/bots/slack/slash-command-listener';
import { SLACK_EVENTS_PATH } from '../../../src/bots/slack/router-receiver';

const manifest = parse(readFileSync(join(__dirname, '../../../manifest/slack/manifest.yml'), 'utf8')) as {
  features: { app_home: Record<string, boolean>; bot_user: { display_name: string }; slash_commands: { command: string; url: string }[] };
  oauth_config: { scopes: { bot: string[] } };
  settings: { event_subscriptions: { request_url: string; bot_events: string[] }; interactivity: { is_enabled: boolean; request_url: string } };
};

describe('Slack app manifest', () => {
  test('parses and points every URL at the route the app serves', () => {
    const urls = [manifest.settings.event_subscriptions.request_url, manifest.settings.interactivity.request_url, ...manifest.features.slash_commands.map((c) => c.url)];
    for (const url of urls) expect(new URL(url).pathname).toBe(SLACK_EVENTS_PATH);
    expect(manifest.settings.interactivity.is_enabled).toBe(true);
  });

  test('declares the slash command, App Home, bot user, events and scopes the bot uses', () => {
    expect(manifest.features.slash_commands.map((c) => c.command)).toEqual([SLASH_COMMAND]);
    expect(manifest.features.app_home).toMatchObject({ home_tab_enabled: true, messages_tab_enabled: true });
    expect(manifest.features.bot_user.display_name).toBe('Twilight');
    expect(manifest.settings.event_subscriptions.bot_events).toEqual(expect.arrayContaining(['app_home_opened', 'app_uninstalled', 'tokens_revoked']));
    expect(manifest.oauth_config.scopes.bot).toEqual(expect.arrayContaining(['chat:write', 'commands', 'im:write', 'users:read', 'users:read.email']));
  });

  test('asks for files:read and file_shared, so a file a lead drops in the DM can be fetched', () => {
    expect(manifest.oauth_config.scopes.bot).toContain('files:read');
    expect(manifest.settings.event_subscriptions.bot_events).toContain('file_shared');
  });

  test('subscribes to message.im (with im:history), so commands typed in the DM reach the bot', () => {
    expect(manifest.settings.event_subscriptions.bot_events).toContain('message.im');
    expect(manifest.oauth_config.scopes.bot).toContain('im:history');
  });
});
