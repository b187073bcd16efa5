import { createHmac, timingSafeEqual } from 'node:crypto';
import type { Clock } from '../../domain/clock';

/** Slack's replay window: a request signed more than five minutes away from now is refused. */
export const SIGNATURE_WINDOW_SECONDS = 5 * 60;

export type SignatureCheck = { ok: true } | { ok: false; reason: string };

/**
 * v0 signature check (https://api.slack.com/authentication/verifying-requests-from-slack):
 * `v0=` + HMAC-SHA256(secret, `v0:${timestamp}:${rawBody}`). The clock is passed in, as bolt's
 * own verifier takes `nowMilliseconds`; unlike bolt's, future timestamps are refused too.
 */
export function checkSlackSignature(input: {
  signingSecret: string;
  rawBody: string;
  timestamp: string | undefined;
  signature: string | undefined;
  clock: Clock;
}): SignatureCheck {
  if (!input.timestamp || !input.signature) return { ok: false, reason: 'missing signature headers' };
  if (!/^\d{1,12}$/.test(input.timestamp)) return { ok: false, reason: 'bad timestamp' };
  const ageSeconds = Math.abs(Math.floor(input.clock.now().getTime() / 1000) - Number(input.timestamp));
  if (ageSeconds > SIGNATURE_WINDOW_SECONDS) return { ok: false, reason: 'stale timestamp' };
  const expected = `v0=${createHmac('sha256', input.signingSecret).update(`v0:${input.timestamp}:${input.rawBody}`).digest('hex')}`;
  const given = Buffer.from(input.signature);
  const wanted = Buffer.from(expected);
  if (given.length !== wanted.length || !timingSafeEqual(given, wanted)) return { ok: false, reason: 'signature mismatch' };
  return { ok: true };
}
