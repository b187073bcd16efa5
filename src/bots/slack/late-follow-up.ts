import type { webApi } from '@slack/bolt';
import { z } from 'zod';

/** Slack waits 3 s for an answer; we answer by this, whatever the platform or the store is doing. */
export const SLACK_ACK_DEADLINE_MS = 2_500;

export const SORRY_FAILED = 'Sorry, something went wrong and I could not finish that. Nothing more will happen with it: please try again in a minute.';

/** Who sent a request and where an answer can still reach them after Slack stopped waiting. */
const Sender = z.union([
  z.object({ user_id: z.string().min(1), response_url: z.url().optional() }).transform((b) => ({ userId: b.user_id, responseUrl: b.response_url })),
  z.object({ user: z.object({ id: z.string().min(1) }), response_url: z.url().optional() }).transform((b) => ({ userId: b.user.id, responseUrl: b.response_url })),
]);

const ErrorsAnswer = z.object({ response_action: z.literal('errors'), errors: z.record(z.string(), z.string()) });
const TextAnswer = z.object({ text: z.string().min(1) });

/**
 * What a listener meant to show in its (too late) answer, as a message: a form's field errors, or
 * a command's text. Undefined when the answer was only an acknowledgement.
 */
export function lateAnswerText(response: unknown): string | undefined {
  const errors = ErrorsAnswer.safeParse(response);
  if (errors.success) {
    const reasons = Object.values(errors.data.errors).join(' ');
    return `Slack stopped waiting before I could check your form, so it closed without saving${reasons ? `: ${reasons}` : '.'} Please open it again.`;
  }
  if (typeof response === 'string' && response !== '') return response;
  const text = TextAnswer.safeParse(response);
  return text.success ? text.data.text : undefined;
}

/** Tells the sender privately: through the command's response_url when there is one, else by DM. */
export async function tellSenderLater(client: webApi.WebClient, body: unknown, text: string): Promise<boolean> {
  const sender = Sender.safeParse(body);
  if (!sender.success) return false;
  if (sender.data.responseUrl) {
    const res = await fetch(sender.data.responseUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ response_type: 'ephemeral', replace_original: false, text }),
      signal: AbortSignal.timeout(10_000),
    });
    if (res.ok) return true;
  }
  await client.chat.postMessage({ channel: sender.data.userId, text });
  return true;
}
