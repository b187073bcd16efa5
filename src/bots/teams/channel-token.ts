import { verify } from 'node:crypto';
import { z } from 'zod';
import type { Clock } from '../../domain/clock';
import { SigningKeysUnavailableError, type SigningKeySource } from './signing-keys';

/** The issuer of tokens the Bot Framework channels (Teams included) send to bots. */
export const BOT_FRAMEWORK_TOKEN_ISSUER = 'https://api.botframework.com';
/** As botbuilder: RSA only, so an HMAC or `none` token can never be checked against a public key. */
const ALGORITHMS = { RS256: 'sha256', RS384: 'sha384', RS512: 'sha512' } as const;
/** botbuilder allows five minutes of clock difference. */
const CLOCK_TOLERANCE_SECONDS = 5 * 60;

const Header = z.object({ alg: z.enum(Object.keys(ALGORITHMS) as [keyof typeof ALGORITHMS]), kid: z.string().min(1) });
const Claims = z
  .object({
    iss: z.string(),
    aud: z.union([z.string(), z.array(z.string())]),
    exp: z.number(),
    nbf: z.number().optional(),
    serviceurl: z.string().optional(),
  })
  .loose();
export type ChannelTokenClaims = z.infer<typeof Claims>;

export type ChannelTokenCheck =
  | { ok: true; claims: ChannelTokenClaims }
  | { ok: false; status: 401; reason: string }
  | { ok: false; status: 503; retryAfterSeconds: number; reason: string };

export interface ChannelTokenVerifier {
  check(authorization: string | undefined, activity: { channelId?: unknown; serviceUrl?: unknown }): Promise<ChannelTokenCheck>;
}

function decodeJson(part: string | undefined): unknown {
  try {
    return JSON.parse(Buffer.from(part ?? '', 'base64url').toString('utf8'));
  } catch {
    return undefined;
  }
}

const refuse = (reason: string): ChannelTokenCheck => ({ ok: false, status: 401, reason });

/**
 * Checks a channel's bearer token the way botbuilder's ChannelValidation does (issuer, audience =
 * our app id, lifetime with 5 minutes' tolerance, serviceurl claim = the activity's, RSA signature
 * by a published key endorsed for the channel), but every failure is a value: 401 for any forged
 * or wrong token, 503 only when the keys cannot be had. Everything that can be judged without the
 * keys is judged first, so a malformed token never costs a key fetch.
 */
export function channelTokenVerifier(options: { appId: string; keys: SigningKeySource; clock: Clock; issuer?: string }): ChannelTokenVerifier {
  const issuer = options.issuer ?? BOT_FRAMEWORK_TOKEN_ISSUER;
  return {
    async check(authorization, activity) {
      const match = /^Bearer ([A-Za-z0-9_-]+)\.([A-Za-z0-9_-]+)\.([A-Za-z0-9_-]+)$/.exec(authorization ?? '');
      if (!match) return refuse('no bearer token of three parts');
      const [, headerPart, payloadPart, signaturePart] = match as unknown as [string, string, string, string];
      const header = Header.safeParse(decodeJson(headerPart));
      if (!header.success) return refuse('header: not an RS256/384/512 token with a key id');
      const claims = Claims.safeParse(decodeJson(payloadPart));
      if (!claims.success) return refuse('claims unreadable');
      const { iss, aud, exp, nbf, serviceurl } = claims.data;
      if (iss !== issuer) return refuse('issuer');
      if (!(Array.isArray(aud) ? aud.includes(options.appId) : aud === options.appId)) return refuse('audience');
      const now = Math.floor(options.clock.now().getTime() / 1000);
      if (now > exp + CLOCK_TOLERANCE_SECONDS) return refuse('expired');
      if (nbf !== undefined && now < nbf - CLOCK_TOLERANCE_SECONDS) return refuse('not yet valid');
      if (typeof activity.serviceUrl === 'string' && activity.serviceUrl !== '' && serviceurl !== activity.serviceUrl) return refuse('serviceurl claim');
      let key;
      try {
        key = await options.keys.getKey(header.data.kid);
      } catch (error) {
        if (error instanceof SigningKeysUnavailableError) return { ok: false, status: 503, retryAfterSeconds: error.retryAfterSeconds, reason: 'signing keys unavailable' };
        throw error;
      }
      if (!key) return refuse('unknown key id');
      const signed = Buffer.from(`${headerPart}.${payloadPart}`);
      if (!verify(ALGORITHMS[header.data.alg], signed, key.pem, Buffer.from(signaturePart, 'base64url'))) return refuse('signature');
      if (key.endorsements.length > 0 && !(typeof activity.channelId === 'string' && key.endorsements.includes(activity.channelId))) return refuse('key not endorsed for the channel');
      return { ok: true, claims: claims.data };
    },
  };
}
