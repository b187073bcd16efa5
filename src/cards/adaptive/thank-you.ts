import type { ThankYouView } from '../views/thank-you';
import type { CardContent } from './card-content';
import { compact, facts, heading, text } from './elements';

export function thankYouCard(view: ThankYouView): CardContent {
  return {
    body: compact([heading(view.title), text(view.text), view.summary && view.summary.length > 0 && facts(view.summary)]),
    summary: `${view.title}. ${view.text}`,
  };
}
