import { createPublicKey } from 'node:crypto';
import { z } from 'zod';
import type { Clock } from '../../domain/clock';

/** Microsoft's OpenID document for tokens the Bot Framework channels send to bots. */
export const BOT_FRAMEWORK_OPENID_METADATA_URL = 'https://login.botframework.com/v1/.well-known/openidconfiguration';

export interface SigningKey {
  kid: string;
  /** SPKI PEM of the RSA public key. */
  pem: string;
  /** The channels this key may sign for (e.g. `msteams`); empty means any. */
  endorsements: string[];
}

/** No keys could be had at all: the request can be neither accepted nor refused yet (503). */
export class SigningKeysUnavailableError extends Error {
  constructor(
    readonly retryAfterSeconds: number,
    cause?: unknown,
  ) {
    super('the Bot Framework signing keys cannot be fetched', { cause });
    this.name = 'SigningKeysUnavailableError';
  }
}

const OpenIdMetadata = z.object({ jwks_uri: z.url() });
const Jwks = z.object({
  keys: z.array(z.object({ kid: z.string().min(1), kty: z.string(), n: z.string().optional(), e: z.string().optional(), endorsements: z.array(z.string()).optional() }).loose()),
});

export interface SigningKeySourceOptions {
  metadataUrl: string;
  clock: Clock;
  /** The whole fetch (metadata document and key set) gives up after this. */
  fetchTimeoutMs: number;
  /** Keys are fetched again after this (botbuilder: 24 h). */
  refreshAfterMs?: number;
  /** An unknown key id fetches again at most this often, so random key ids cannot make us fetch per request. */
  unknownKeyRefreshMs?: number;
  /** After a failed fetch, no new attempt for this long: requests meanwhile get 503 at once, not a wait each. */
  failureCooldownMs?: number;
}

/**
 * The channel's signing keys with a deadline on the fetch, one fetch shared by every request
 * waiting for it, and the keys kept between fetches (used past their refresh time if a refresh
 * fails). botbuilder's own OpenIdMetadata has none of these: with Microsoft's endpoints
 * unreachable every request waited for ever.
 */
export class SigningKeySource {
  private keys: SigningKey[] | undefined;
  private fetchedAt = 0;
  private lastAttemptAt = Number.NEGATIVE_INFINITY;
  private lastFailureAt = Number.NEGATIVE_INFINITY;
  private pending: Promise<void> | undefined;
  /** How many fetches were started (tests and docs/reliability.md). */
  fetches = 0;

  constructor(private readonly options: SigningKeySourceOptions) {}

  private now(): number {
    return this.options.clock.now().getTime();
  }

  /** The key with this id; undefined if there is none; throws SigningKeysUnavailableError if no keys can be had. */
  async getKey(kid: string): Promise<SigningKey | undefined> {
    const now = this.now();
    const stale = now - this.fetchedAt >= (this.options.refreshAfterMs ?? 24 * 60 * 60 * 1000);
    const known = this.keys?.find((k) => k.kid === kid);
    const mayRetryUnknown = now - this.lastAttemptAt >= (this.options.unknownKeyRefreshMs ?? 5 * 60 * 1000);
    if (this.keys && !stale && (known || !mayRetryUnknown)) return known;
    const cooling = this.cooldownLeftMs(now);
    if (cooling > 0) {
      if (this.keys) return known;
      throw new SigningKeysUnavailableError(Math.ceil(cooling / 1000));
    }
    try {
      await this.refresh();
    } catch (error) {
      // Old keys still verify tokens while Microsoft's endpoint is away; none at all is a 503.
      if (!this.keys) throw new SigningKeysUnavailableError(Math.ceil(this.failureCooldownMs() / 1000), error);
    }
    return this.keys?.find((k) => k.kid === kid);
  }

  private failureCooldownMs(): number {
    return this.options.failureCooldownMs ?? 30_000;
  }

  private cooldownLeftMs(now: number): number {
    return Math.max(0, this.lastFailureAt + this.failureCooldownMs() - now);
  }

  private refresh(): Promise<void> {
    this.pending ??= this.fetchKeys().finally(() => {
      this.pending = undefined;
    });
    return this.pending;
  }

  private async fetchKeys(): Promise<void> {
    this.fetches++;
    this.lastAttemptAt = this.now();
    // One deadline for both requests: a blackholed endpoint costs fetchTimeoutMs, not one each.
    const signal = AbortSignal.timeout(this.options.fetchTimeoutMs);
    try {
      const metadata = OpenIdMetadata.parse(await fetchJson(this.options.metadataUrl, signal));
      const jwks = Jwks.parse(await fetchJson(metadata.jwks_uri, signal));
      this.keys = jwks.keys.filter((k) => k.kty === 'RSA' && k.n && k.e).map((k) => ({ kid: k.kid, pem: rsaPem(k.n!, k.e!), endorsements: k.endorsements ?? [] }));
      this.fetchedAt = this.now();
    } catch (error) {
      this.lastFailureAt = this.now();
      throw error;
    }
  }
}

async function fetchJson(url: string, signal: AbortSignal): Promise<unknown> {
  const response = await fetch(url, { signal, headers: { accept: 'application/json' } });
  if (!response.ok) throw new Error(`GET ${url}: HTTP ${response.status}`);
  return response.json();
}

function rsaPem(n: string, e: string): string {
  return createPublicKey({ key: { kty: 'RSA', n, e }, format: 'jwk' }).export({ type: 'spki', format: 'pem' }).toString();
}
