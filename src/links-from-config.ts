import { createHmac, randomBytes } from 'node:crypto';
import { createSignedLinks, type SignedLinks } from './app/signed-links';
import type { Config } from './config';
import type { Clock } from './domain/clock';

/**
 * The key that signs calendar and certificate links: LINK_SECRET if set, else derived from a bot
 * secret of at least 32 characters so a deployment needs no extra setting (rotating that secret
 * retires old links); a shorter one could be guessed and links forged, so config.ts refuses to
 * start without either. A local bot without credentials gets a key per process: its links last
 * until restart.
 */
function linkSecret(config: Config): string {
  if (config.LINK_SECRET) return config.LINK_SECRET;
  if (config.derivedLinkSecret) return createHmac('sha256', config.derivedLinkSecret).update('twilight signed links').digest('base64url');
  if (config.production) throw new Error('no link key: set LINK_SECRET (config.ts should have refused this configuration)');
  return randomBytes(32).toString('base64url');
}

/** Links need the address people reach the bot at: PUBLIC_URL, or this machine when running locally. */
export function signedLinksFromConfig(config: Config, clock: Clock): SignedLinks | undefined {
  const baseUrl = config.PUBLIC_URL ?? (config.production ? undefined : `http://localhost:${config.PORT}`);
  return baseUrl ? createSignedLinks({ baseUrl, secret: linkSecret(config), clock }) : undefined;
}
