import { createHmac } from 'node:crypto';

/** Headers Slack would send: `v0=` + HMAC-SHA256(secret, `v0:${ts}:${rawBody}`). */
export function slackSignatureHeaders(secret: string, rawBody: string, timestampSeconds: number): Record<string, string> {
  const signature = `v0=${createHmac('sha256', secret).update(`v0:${timestampSeconds}:${rawBody}`).digest('hex')}`;
  return { 'x-slack-request-timestamp': String(timestampSeconds), 'x-slack-signature': signature };
}

/** Interactivity arrives as a form with one `payload` field holding JSON. */
export function interactivityBody(payload: unknown): string {
  return new URLSearchParams({ payload: JSON.stringify(payload) }).toString();
}

export function slashCommandBody(fields: Record<string, string>): string {
  return new URLSearchParams(fields).toString();
}
