import type { CardView } from '../../cards/views';
import type { Actor } from '../people';
import type { AppDeps } from '../deps';
import { notice } from '../notice';
import { loadProviderReportInput } from './load-provider-report';
import { buildProviderReport, buildProviderSummary, providersMatching } from './provider-report';

/** `providers [2026-27]`: the lead's report by provider (trust leads only: the command table checks the role). */
export async function providersCommand(deps: AppDeps, actor: Actor, argument: string): Promise<CardView> {
  const input = await loadProviderReportInput(deps, actor.tenant.id, deps.clock.now(), argument || undefined);
  return input.ok ? buildProviderReport(input.value) : notice('attention', input.message);
}

/** `provider <name> [2026-27]`: one provider's feedback summary, to send on. A name fitting several asks for a closer one. */
export async function providerSummaryCommand(deps: AppDeps, actor: Actor, argument: string): Promise<CardView> {
  const words = argument.trim().split(' ').filter(Boolean);
  const year = words.length > 1 && /^\d{4}-\d{2}$/.test(words.at(-1)!) ? words.pop() : undefined;
  const wanted = words.join(' ');
  if (!wanted) return notice('info', 'Say which provider, e.g. "provider Fenland English Hub". "providers" lists them.');
  const input = await loadProviderReportInput(deps, actor.tenant.id, deps.clock.now(), year);
  if (!input.ok) return notice('attention', input.message);
  const found = providersMatching(input.value, wanted);
  if (found.length === 0) return notice('info', `No session held this school year was provided by "${wanted.slice(0, 100)}". "providers" lists who provided CPD.`);
  if (found.length > 1) return notice('info', `"${wanted.slice(0, 100)}" fits ${found.length} providers: ${found.slice(0, 10).join('; ')}. Give more of the name.`);
  return buildProviderSummary(input.value, found[0]!);
}
