import { renderAdaptiveCard } from '../cards/adaptive/render-adaptive-card';
import { renderBlockKitMessage } from '../cards/blockkit';
import { CARD_SAMPLES, CARD_STATE_SAMPLES } from './samples';
import type { CardKind, CardView } from '../cards/views';

/** One entry of the preview page: a sample view rendered for both platforms. */
export interface CatalogEntry {
  /** Unique on the page: the kind for the main samples, the state name for the variants. */
  name: string;
  kind: CardKind;
  adaptiveCard: unknown;
  blockKit: unknown;
}

function entry(name: string, view: CardView): CatalogEntry {
  return { name, kind: view.kind, adaptiveCard: renderAdaptiveCard(view), blockKit: renderBlockKitMessage(view) };
}

/** Every card kind (from the shared samples, so a new kind shows up here without touching the page), then the state variants. */
export function sampleCatalog(): CatalogEntry[] {
  const main = (Object.keys(CARD_SAMPLES) as CardKind[]).map((kind) => entry(kind, CARD_SAMPLES[kind]));
  const states = Object.entries(CARD_STATE_SAMPLES).map(([name, view]) => entry(name, view));
  return [...main, ...states];
}
