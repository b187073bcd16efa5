import type { webApi } from '@slack/bolt';
import { handleCardAction } from '../../app/card-actions';
import type { SlackBotContext } from './bot-context';
import { KeptSubmission } from './kept-submission';
import type { SlackRequestClaim } from './request-once';
import { showResult } from './show-result';
import { slackActor } from './slack-actor';

const NOT_SAVED = (reason: string) =>
  `Sorry: a form you submitted a moment ago closed as if saved, but it was not saved${reason ? ` (${reason})` : ''}. Please open it again and submit it once more.`;

/**
 * Finishes Slack submissions that were answered at the ack deadline (the modal closed as if saved)
 * and whose process died before the write: each was kept with its claim (issue 24, item 9). Run at
 * start and then every lease; a claim is taken over under its ETag, so two processes never both
 * finish one. Stored: the DM card is updated as after any submission. Refused now (the form was
 * withdrawn, an answer no longer fits): the person is told by DM. The store failing: left for the
 * next pass. Returns how many were finished or told.
 */
export async function finishKeptSubmissions(ctx: SlackBotContext, client: webApi.WebClient): Promise<number> {
  let handled = 0;
  for (const dead of await ctx.claims.unfinished()) {
    const work = KeptSubmission.safeParse(dead.value.work);
    if (!work.success) {
      ctx.logger.error({ claim: dead.value.id }, 'slack: a kept submission cannot be read; left to expire');
      continue;
    }
    const claim = await ctx.claims.takeOver(dead);
    if (claim.outcome !== 'first') continue;
    try {
      if (await finishOne(ctx, client, work.data, claim)) handled++;
    } catch (error) {
      claim.abandon();
      ctx.logger.error({ err: error, claim: dead.value.id }, 'slack: could not finish a kept submission yet; will try again');
    }
  }
  return handled;
}

async function finishOne(ctx: SlackBotContext, client: webApi.WebClient, work: KeptSubmission, claim: Extract<SlackRequestClaim, { outcome: 'first' }>): Promise<boolean> {
  const tell = async (reason: string) => {
    await claim.release();
    await client.chat.postMessage({ channel: work.userId, text: NOT_SAVED(reason) });
    return true;
  };
  const found = await slackActor(ctx.deps, client, { userId: work.userId, teamId: work.teamId });
  if (!found.ok) return tell(found.message);
  const result = await handleCardAction(ctx.deps, found.actor, work.action, work.inputs);
  if (!result.ok) {
    const view = result.view as { notice?: { text?: string } };
    return tell(view.notice?.text?.replace(/\.$/, '') ?? '');
  }
  if (!(await claim.done())) ctx.logger.warn({ verb: work.verb }, 'slack: kept submission stored, but its claim could not be marked done');
  if (work.channel && work.ts) await showResult(client, { userId: work.userId, channel: work.channel, ts: work.ts, ...(work.responseUrl ? { responseUrl: work.responseUrl } : {}) }, result);
  else await showResult(client, { userId: work.userId }, result);
  return true;
}

/** Finishes kept submissions now and then every `everyMs`; returns the stop function. */
export function keepFinishingSubmissions(run: () => Promise<number>, everyMs: number, onError: (error: unknown) => void): () => void {
  let running = false;
  const pass = () => {
    if (running) return;
    running = true;
    void run()
      .catch(onError)
      .finally(() => (running = false));
  };
  pass();
  const timer = setInterval(pass, everyMs);
  timer.unref();
  return () => clearInterval(timer);
}
