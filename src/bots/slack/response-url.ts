import type { types } from '@slack/bolt';

export interface ResponseUrlMessage {
  text: string;
  blocks: types.KnownBlock[];
  /** true: the message the button was on is replaced; false: a new ephemeral message appears. */
  replace_original: boolean;
}

/**
 * Posts to a response_url: the only way to change an ephemeral message (an answer to `/cpd …`);
 * Slack refuses chat.update on those with `message_not_found`. A refusal is thrown, to be logged.
 */
export async function postToResponseUrl(responseUrl: string, message: ResponseUrlMessage, timeoutMs: number): Promise<void> {
  const res = await fetch(responseUrl, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ response_type: 'ephemeral', ...message }),
    signal: AbortSignal.timeout(timeoutMs),
  });
  if (!res.ok) throw new Error(`slack response_url answered ${res.status}`);
}
