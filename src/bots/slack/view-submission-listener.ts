import type { App } from '@slack/bolt';
import { isModalView, renderBlockKitModal, renderCreateSessionModal, toSlackErrors } from '../../cards/blockkit';
import { type CardView } from '../../cards/views';
import { SUBMIT_VERBS } from '../../cards/actions';
import type { ActorResult } from '../../app/identity';
import { answerTogether } from '../../app/answer-together';
import { handleCardAction } from '../../app/card-actions';
import type { SlackBotContext } from './bot-context';
import { parseJsonText } from './json-text';
import { modalInputs } from './modal-inputs';
import type { SlackRequestClaim } from './request-once';
import { slackActor } from './slack-actor';
import { ModalMetadata, ViewSubmissionPayload } from './slack-payloads';
import { publishHome, showOtherCopies, showResult } from './show-result';
import { firstBlockError, markKept, STILL_SAVING, type KeptSubmission } from './kept-submission';

/** A modal's callback_id is its submit verb (src/cards/blockkit/modal.ts). */
const SUBMIT_CALLBACKS = new RegExp(`^(${SUBMIT_VERBS.map((verb) => verb.replace(/\./g, '\\.')).join('|')})$`);

/** The field errors a refused submission shows; a form-level notice goes beside the first field. */
function errorsOf(view: CardView): Record<string, string> {
  if ((isModalView(view) || view.kind === 'notice') && 'errors' in view && view.errors && Object.keys(view.errors).length > 0) return view.errors;
  const text = view.kind === 'notice' || isModalView(view) ? view.notice?.text : undefined;
  return { _form: text ?? 'That could not be saved. Please try again.' };
}

const TRY_AGAIN = 'Sorry, that could not be saved just now. Nothing was recorded: please try again.';

/**
 * Modal submissions: parse the state, run the submit verb, and either answer with
 * `response_action: errors` (nothing is written) or close the modal and update the DM.
 * The modal only closes once the answer is stored (or was stored by an earlier press): every
 * failure, including finding the person and claiming the request, is a field error to retry.
 */
export function registerViewSubmissions(app: App, ctx: SlackBotContext): void {
  app.view(SUBMIT_CALLBACKS, async ({ ack, body, client }) => {
    const parsed = ViewSubmissionPayload.safeParse(body);
    const metadata = parsed.success ? ModalMetadata.safeParse(parseJsonText(parsed.data.view.private_metadata)) : undefined;
    const teamId = parsed.success ? (parsed.data.team?.id ?? parsed.data.user.team_id) : undefined;
    if (!parsed.success || !metadata?.success || !teamId) {
      await ack({ response_action: 'errors', errors: firstBlockError(body, 'This form could not be read. Please close it and press the button again.') });
      return;
    }
    const { view, user } = parsed.data;
    let claim: SlackRequestClaim | undefined;
    let found: ActorResult;
    let result: Awaited<ReturnType<typeof handleCardAction>>;
    let recorded: boolean | undefined;
    try {
      found = await slackActor(ctx.deps, client, { userId: user.id, teamId });
      if (!found.ok) {
        await ack({ response_action: 'errors', errors: firstBlockError(body, found.message) });
        return;
      }
      const action = { ...metadata.data.action, verb: view.callback_id };
      const inputs = modalInputs(view.state.values, view.blocks);
      const { channel, ts, responseUrl } = metadata.data;
      const work: KeptSubmission = { verb: view.callback_id, action, inputs, userId: user.id, teamId, ...(channel ? { channel } : {}), ...(ts ? { ts } : {}), ...(responseUrl ? { responseUrl } : {}) };
      // One successful submission per modal: a retry of a stored one closes it and changes nothing.
      // The submission is kept in the claim, so one answered at the deadline is finished even if this process dies.
      claim = await ctx.claims.claim(found.actor.tenant.id, `view:${view.id}`, work);
      if (claim.outcome !== 'first') {
        await ack(claim.outcome === 'done' ? undefined : { response_action: 'errors', errors: firstBlockError(body, STILL_SAVING) });
        return;
      }
      markKept(body as object);
      // The claim is already stored on its own (the kept submission must outlive this process); the
      // answer and the claim marked done commit together.
      const ours = claim;
      const actor = found.actor;
      [result, recorded] = await answerTogether(ctx.deps, view.callback_id, async () => {
        const handled = await handleCardAction(ctx.deps, actor, action, inputs);
        return [handled, handled.ok ? await ours.done() : undefined] as const;
      });
    } catch (error) {
      // Slack, the store or the claim failed: the person is told, and the claim (if any) handed back.
      ctx.logger.error({ err: error, callbackId: view.callback_id }, 'slack: submission failed');
      if (claim?.outcome === 'first') await releaseClaim(ctx, claim);
      await ack({ response_action: 'errors', errors: firstBlockError(body, TRY_AGAIN) });
      return;
    }
    if (!result.ok) {
      await releaseClaim(ctx, claim);
      const form = isModalView(result.view)
        ? renderBlockKitModal(result.view, view.private_metadata)
        : view.callback_id === 'session.create'
          ? renderCreateSessionModal(view.private_metadata, { followUpOptions: [], schools: [] })
          : undefined;
      const errors = errorsOf(result.view);
      await ack(form ? toSlackErrors(errors, form) : { response_action: 'errors', errors: firstBlockError(body, Object.values(errors).join(' ')) });
      return;
    }
    if (!recorded) ctx.logger.warn({ callbackId: view.callback_id }, 'slack: submission stored, but its claim could not be marked done');
    await ack();
    const { channel, ts, responseUrl } = metadata.data;
    if (channel && ts) await showResult(client, { userId: user.id, channel, ts, ...(responseUrl ? { responseUrl } : {}) }, result);
    // From a command or App Home there is no message to update: a confirmation (e.g. "Session created") goes to their DM as a receipt.
    else if (result.view.kind === 'notice' || result.view.kind === 'register') await showResult(client, { userId: user.id }, result);
    // A request sent from a command: its confirmation ("Sent to … for approval") as a receipt, as Teams shows it on the card.
    else if (result.view.kind === 'cpd-request' && result.view.notice) await showResult(client, { userId: user.id }, { ok: true, view: { kind: 'notice', title: result.view.courseTitle, notice: result.view.notice } });
    else await publishHome(ctx.deps, client, found.actor, user.id);
    await showOtherCopies(client, result, { channel, ts }, ctx.logger);
  });
}

/** A claim that cannot be handed back is dead, not lost: a retry takes it over (see request-once.ts). */
async function releaseClaim(ctx: SlackBotContext, claim: { release(): Promise<void> }): Promise<void> {
  try {
    await claim.release();
  } catch (error) {
    ctx.logger.warn({ err: error }, 'slack: could not hand back a submission claim; a retry will take it over');
  }
}
