import { formatSessionTime } from '../cards/format';
import type { FieldErrors } from '../domain';
import type { Notice, SessionFormView } from '../cards/views';
import type { Actor } from './actor';
import type { AppDeps } from './deps';

/** Enough upcoming sessions to pick a follow-up from, and few enough for one Slack select. */
const FOLLOW_UP_CHOICES = 25;

/** The input a person typed, as text, so a refused form comes back as they left it. */
function keptValues(raw: Record<string, unknown>): Record<string, string> {
  const values: Record<string, string> = {};
  for (const [key, value] of Object.entries(raw)) {
    if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') values[key] = String(value).slice(0, 5000);
  }
  return values;
}

/** The lead's new-session form: upcoming published sessions to follow on from, and the trust's schools. */
export async function buildSessionFormView(
  deps: AppDeps,
  actor: Actor,
  refused?: { raw: Record<string, unknown>; errors?: FieldErrors; notice: Notice },
): Promise<SessionFormView> {
  const zone = actor.tenant.settings.timezone;
  const upcoming = await deps.store.sessions.find(actor.tenant.id, {
    where: { startsAt: { gt: deps.clock.now().toISOString() }, status: 'published' },
    orderBy: { field: 'startsAt', direction: 'asc' },
    limit: FOLLOW_UP_CHOICES,
  });
  return {
    kind: 'session-form',
    followUpOptions: upcoming.map(({ value: s }) => ({ sessionId: s.id, label: `${s.title} (${formatSessionTime(s.startsAt, s.endsAt, zone)})`.slice(0, 75) })),
    schools: actor.tenant.schools.map((s) => ({ id: s.id, name: s.name })),
    ...(refused ? { values: keptValues(refused.raw), notice: refused.notice, ...(refused.errors ? { errors: refused.errors } : {}) } : {}),
  };
}
