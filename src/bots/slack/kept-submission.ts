import { z } from 'zod';

/**
 * A modal submission as kept with its claim before Slack is answered (issue 24, item 9): enough
 * to finish it after the process died (finish-kept-submissions.ts), and to tell the person if it
 * cannot be. Dropped from the claim once it is done.
 */
export const KeptSubmission = z.object({
  verb: z.string().min(1),
  action: z.record(z.string(), z.unknown()),
  inputs: z.record(z.string(), z.unknown()),
  userId: z.string().min(1),
  teamId: z.string().min(1),
  channel: z.string().optional(),
  ts: z.string().optional(),
  responseUrl: z.string().optional(),
});
export type KeptSubmission = z.infer<typeof KeptSubmission>;

/** Request bodies whose submission is kept with its claim: only these may be closed (empty 200) at the ack deadline. */
const kept = new WeakSet<object>();

export function markKept(body: object): void {
  kept.add(body);
}

export function isKept(body: object): boolean {
  return kept.has(body);
}

export const STILL_SAVING = 'Your last press of Submit is still being saved. Please wait a few seconds and press Submit again.';

/** An error on the submitted view's first input block, for messages about the whole form. */
export function firstBlockError(body: unknown, message: string): Record<string, string> {
  const values = (body as { view?: { state?: { values?: Record<string, unknown> } } }).view?.state?.values ?? {};
  const first = Object.keys(values)[0];
  return first ? { [first]: message } : {};
}
