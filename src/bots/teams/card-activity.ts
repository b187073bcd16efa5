import { CardFactory, MessageFactory, type Activity } from 'botbuilder';
import { cardSummary, renderAdaptiveCard } from '../../cards/adaptive/render-adaptive-card';
import type { CardView } from '../../cards/views';

/** A message activity carrying one Adaptive Card; `summary` is what the Teams notification shows. */
export function cardActivity(view: CardView, text?: string, userIds: string[] = []): Partial<Activity> {
  const activity = MessageFactory.attachment(CardFactory.adaptiveCard(renderAdaptiveCard(view, { userIds })));
  activity.summary = text ?? cardSummary(view);
  return activity;
}

export const ADAPTIVE_CARD_CONTENT_TYPE = 'application/vnd.microsoft.card.adaptive';
