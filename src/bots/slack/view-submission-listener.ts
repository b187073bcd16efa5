import type { App } from '@slack/bolt';
import { isModalView, renderBlockKitModal, renderCreateSessionModal, toSlackErrors } from '../../cards/blockkit';
import { SUBMIT_VERBS, type CardView } from '../../cards/views';
import { handleCardAction } from '../../app/card-actions';
import type { SlackBotContext } from './bot-context';
import { actorOrExplain } from './listener-actor';
import { parseJsonText } from './json-text';
import { modalInputs } from './modal-inputs';
import { claimSlackRequest } from './request-once';
import { ModalMetadata, ViewSubmissionPayload } from './slack-payloads';
import { publishHome, showResult } from './show-result';
import { updateRequestCopies } from './request-copies-update';

/** A modal's callback_id is its submit verb (src/cards/blockkit/modal.ts). */
const SUBMIT_CALLBACKS = new RegExp(`^(${SUBMIT_VERBS.map((verb) => verb.replace(/\./g, '\\.')).join('|')})$`);

/** The field errors a refused submission shows; a form-level notice goes beside the first field. */
function errorsOf(view: CardView): Record<string, string> {
  if ((isModalView(view) || view.kind === 'notice') && 'errors' in view && view.errors && Object.keys(view.errors).length > 0) return view.errors;
  const text = view.kind === 'notice' || isModalView(view) ? view.notice?.text : undefined;
  return { _form: text ?? 'That could not be saved. Please try again.' };
}

/**
 * Modal submissions: parse the state, run the submit verb, and either answer with
 * `response_action: errors` (nothing is written) or close the modal and update the DM.
 */
export function registerViewSubmissions(app: App, ctx: SlackBotContext): void {
  app.view(SUBMIT_CALLBACKS, async ({ ack, body, client }) => {
    const parsed = ViewSubmissionPayload.safeParse(body);
    const metadata = parsed.success ? ModalMetadata.safeParse(parseJsonText(parsed.data.view.private_metadata)) : undefined;
    if (!parsed.success || !metadata?.success) {
      await ack({ response_action: 'errors', errors: firstBlockError(body, 'This form could not be read. Please close it and press the button again.') });
      return;
    }
    const { view, user, team } = parsed.data;
    const found = await actorOrExplain(ctx, client, user.id, team?.id ?? user.team_id);
    if (!found) {
      await ack();
      return;
    }
    // One successful submission per modal: a retry of it is acknowledged and changes nothing.
    const claim = await claimSlackRequest(ctx.deps, found.actor.tenant.id, `view:${view.id}`);
    if (!claim.first) {
      await ack();
      return;
    }
    const action = { ...metadata.data.action, verb: view.callback_id };
    let result: Awaited<ReturnType<typeof handleCardAction>>;
    try {
      result = await handleCardAction(ctx.deps, found.actor, action, modalInputs(view.state.values, view.blocks));
    } catch (error) {
      // The store failed mid-request: free the modal so pressing Submit again is not taken for a duplicate.
      ctx.logger.error({ err: error, callbackId: view.callback_id }, 'slack: submission failed');
      await claim.release().catch(() => undefined);
      await ack({ response_action: 'errors', errors: firstBlockError(body, 'Sorry, that could not be saved just now. Nothing was recorded: please try again.') });
      return;
    }
    if (!result.ok) {
      await claim.release();
      const form = isModalView(result.view)
        ? renderBlockKitModal(result.view, view.private_metadata)
        : view.callback_id === 'session.create'
          ? renderCreateSessionModal(view.private_metadata, { followUpOptions: [], schools: [] })
          : undefined;
      const errors = errorsOf(result.view);
      await ack(form ? toSlackErrors(errors, form) : { response_action: 'errors', errors: firstBlockError(body, Object.values(errors).join(' ')) });
      return;
    }
    await ack();
    const { channel, ts, responseUrl } = metadata.data;
    if (channel && ts) await showResult(client, { userId: user.id, channel, ts, ...(responseUrl ? { responseUrl } : {}) }, result);
    // From a command or App Home there is no message to update: a confirmation (e.g. "Session created") goes to their DM as a receipt.
    else if (result.view.kind === 'notice' || result.view.kind === 'register') await showResult(client, { userId: user.id }, result);
    else await publishHome(ctx.deps, client, found.actor, user.id);
    if (action.requestId) await updateRequestCopies(ctx, client, found.actor, action.requestId, { channel, ts });
  });
}

/** An error on the submitted view's first input block, for messages about the whole form. */
function firstBlockError(body: unknown, message: string): Record<string, string> {
  const values = (body as { view?: { state?: { values?: Record<string, unknown> } } }).view?.state?.values ?? {};
  const first = Object.keys(values)[0];
  return first ? { [first]: message } : {};
}
