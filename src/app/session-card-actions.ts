import type { CardView } from '../cards/views';
import { formatSessionTime } from '../cards/format';
import type { Actor } from './actor';
import type { AppDeps } from './deps';
import { notice } from './notice';
import { createSession } from './session-admin';
import { buildSessionFormView } from './session-form-view';

/** The lead's new-session form: published at once unless the form says `publish: false`. A refused form comes back with its errors and input. */
export async function createSessionFromCard(deps: AppDeps, actor: Actor, inputs: Record<string, unknown>): Promise<{ ok: boolean; view: CardView }> {
  const publish = inputs.publish !== 'false' && inputs.publish !== false;
  const result = await createSession(deps, actor, inputs, { publish });
  if (!result.ok) {
    if (!result.errors) return { ok: false, view: notice('attention', result.message) };
    return { ok: false, view: await buildSessionFormView(deps, actor, { raw: inputs, errors: result.errors, notice: { tone: 'attention', text: result.message } }) };
  }
  const { session } = result;
  const when = formatSessionTime(session.startsAt, session.endsAt, actor.tenant.settings.timezone);
  const text = publish
    ? `"${session.title}" (${when}) is published: invitations go out within a minute, outside quiet hours.`
    : `"${session.title}" (${when}) is saved as a draft.`;
  return { ok: true, view: notice('good', result.created === false ? `${text} (It already existed.)` : text, 'Session created') };
}
