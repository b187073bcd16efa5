import { createHmac, randomBytes } from 'node:crypto';
import { createSignedLinks, type SignedLinks } from './app/signed-links';
import type { Config } from './config';
import type { Clock } from './domain/clock';

/**
 * The key that signs calendar and certificate links: LINK_SECRET if set, else derived from the
 * bot's own secret so a deployment needs no extra setting (rotating that secret retires old
 * links). A local bot without credentials gets a key per process: its links last until restart.
 */
function linkSecret(config: Config): string {
  if (config.LINK_SECRET) return config.LINK_SECRET;
  const botSecret = config.MICROSOFT_APP_PASSWORD ?? config.SLACK_SIGNING_SECRET;
  if (botSecret) return createHmac('sha256', botSecret).update('twilight signed links').digest('base64url');
  return randomBytes(32).toString('base64url');
}

/** Links need the address people reach the bot at: PUBLIC_URL, or this machine when running locally. */
export function signedLinksFromConfig(config: Config, clock: Clock): SignedLinks | undefined {
  const baseUrl = config.PUBLIC_URL ?? (config.production ? undefined : `http://localhost:${config.PORT}`);
  return baseUrl ? createSignedLinks({ baseUrl, secret: linkSecret(config), clock }) : undefined;
}
