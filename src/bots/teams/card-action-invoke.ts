import type { AdaptiveCardInvokeResponse, AdaptiveCardInvokeValue, TurnContext } from 'botbuilder';
import { answerTogether } from '../../app/answer-together';
import { handleCardAction } from '../../app/card-actions';
import type { AppDeps } from '../../app/deps';
import type { Logger } from '../../log';
import { notice } from '../../app/notice';
import { renderAdaptiveCard } from '../../cards/adaptive/render-adaptive-card';
import { type CardView } from '../../cards/views';
import { CARD_ACTION_TARGETS } from '../../cards/actions';
import { ADAPTIVE_CARD_CONTENT_TYPE } from './card-activity';
import { AdaptiveCardActionInvoke, TeamsActivityEnvelope } from './inbound-schemas';
import { resolveTeamsActor } from './teams-actor';

/** Keys of Action.Execute data that name what the button acts on; every other key is a form input. */
const ACTION_KEYS: ReadonlySet<string> = new Set(CARD_ACTION_TARGETS);

function cardResponse(view: CardView, userId: string | undefined): AdaptiveCardInvokeResponse {
  return {
    statusCode: 200,
    type: ADAPTIVE_CARD_CONTENT_TYPE,
    // A spread copy is an object literal type, which botbuilder's Record<string, unknown> accepts without a cast.
    value: { ...renderAdaptiveCard(view, userId ? { userIds: [userId] } : {}) },
  };
}

export function splitActionData(verb: string, data: Record<string, unknown>): { action: Record<string, unknown>; inputs: Record<string, unknown> } {
  const action: Record<string, unknown> = { verb };
  const inputs: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(data)) (ACTION_KEYS.has(key) ? action : inputs)[key] = value;
  return { action, inputs };
}

/**
 * An Action.Execute press: parse, resolve the person, run the verb's use case and answer with the
 * updated card (thank-you, or the same form with errors and the person's input). Teams replaces
 * the card in place with the card in the invoke response.
 */
export async function answerCardAction(
  deps: AppDeps & { logger?: Logger },
  context: TurnContext,
  invokeValue: AdaptiveCardInvokeValue,
  defaultTenantId: string | undefined,
): Promise<AdaptiveCardInvokeResponse> {
  const envelope = TeamsActivityEnvelope.safeParse(context.activity);
  const userId = envelope.success ? envelope.data.from.id : undefined;
  const invoke = AdaptiveCardActionInvoke.safeParse(invokeValue);
  if (!envelope.success || !invoke.success) {
    return cardResponse(notice('attention', "I couldn't read that button press. Please ask for a fresh card."), userId);
  }
  try {
    const actor = await resolveTeamsActor(deps, context, envelope.data, defaultTenantId);
    if (!actor.ok) return cardResponse(notice('attention', actor.message), userId);
    const { action, inputs } = splitActionData(invoke.data.action.verb, invoke.data.action.data);
    const result = await answerTogether(deps, invoke.data.action.verb, () => handleCardAction(deps, actor.actor, action, inputs));
    return cardResponse(result.view, userId);
  } catch (error) {
    // The store failed mid-request: the use cases leave nothing half-written, so the person can simply press again.
    deps.logger?.error({ err: error, verb: invoke.data.action.verb }, 'teams card action failed');
    return cardResponse(notice('attention', 'Sorry, that could not be saved just now. Nothing was recorded: please try again.'), userId);
  }
}
