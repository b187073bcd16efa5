import type { CardAction } from '../actions';
import type { AdaptiveAction, AdaptiveElement } from './elements';

/** What one card builder returns; render-adaptive-card.ts wraps it in the 1.5 envelope. */
export interface CardContent {
  body: AdaptiveElement[];
  actions?: AdaptiveAction[];
  /** Ids for the `refresh` action when the card shows one person's own state. */
  refreshWith?: Omit<CardAction, 'verb'>;
  /** Plain text for notifications and clients that cannot show cards. */
  summary: string;
}
