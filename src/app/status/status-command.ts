import type { CardView } from '../../cards/views';
import type { AppDeps } from '../deps';
import { notice } from '../notice';
import type { Actor } from '../people';
import { loadStatusFigures, statusText } from './status-figures';

/** `status` (CPD leads): is it working? The same figures as `twilight status` and the telemetry. */
export async function statusCommand(deps: AppDeps, actor: Actor): Promise<CardView> {
  const figures = await loadStatusFigures(deps, [actor.tenant.id]);
  const worrying = figures.outbox.oldestDueSeconds > 600 || figures.plannerLagSeconds > 600;
  return notice(worrying ? 'attention' : 'good', statusText(figures), 'Twilight status');
}
