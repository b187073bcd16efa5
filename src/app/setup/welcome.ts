import type { SetupView } from '../../cards/views/setup';
import type { AppDeps } from '../deps';
import type { Actor } from '../people';
import { welcomeKeyId } from './first-lead';
import { setupChecklist } from './setup-checklist';

/**
 * The first time a lead the deployer named opens the bot: a welcome and the setup checklist,
 * once (the marker is taken under its ETag, so two first messages at once welcome once).
 */
export async function welcomeOnFirstVisit(deps: AppDeps, actor: Actor): Promise<SetupView | undefined> {
  const key = await deps.store.idempotencyKeys.get(actor.tenant.id, welcomeKeyId(actor.staff.id));
  if (!key || key.value.state !== 'pending') return undefined;
  const taken = await deps.store.idempotencyKeys.put({ ...key.value, state: 'done' }, { ifVersion: key.version });
  if (!taken.ok) return undefined;
  const first = actor.staff.name.split(' ')[0];
  return setupChecklist(
    deps,
    actor,
    `Hello ${first}: you are ${actor.tenant.name}'s CPD lead in Twilight. Here is what the school still needs before staff get their first invitation; each line says how to fix it, mostly by sending me a file here. Type "setup" to see this list again, "help" for everything else.`,
  );
}
