import type { CardView } from '../../cards/views';
import { loadGovernorsReport } from './load-governors-report';
import type { Actor } from '../people';
import type { AppDeps } from '../deps';
import { notice } from '../notice';

/** `governors [autumn-2026]`: the lead's termly report to governors, the current term when none is named. */
export async function governorsReport(deps: AppDeps, actor: Actor, argument: string): Promise<CardView> {
  const report = await loadGovernorsReport(deps, actor.tenant.id, deps.clock.now(), argument);
  return report.ok ? report.value : notice('attention', report.message);
}
