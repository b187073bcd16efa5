import { formatSessionTime } from '../../cards/format';
import { DEFAULT_REACTION_TEMPLATE_ID, type FieldErrors, type QuestionnaireTemplate, type Session } from '../../domain';
import { tenantTemplates } from '../questionnaires';
import type { Notice } from '../../cards/views/common';
import type { SessionFormView } from '../../cards/views/session-form';
import type { Actor } from '../people';
import type { AppDeps } from '../deps';
import { sessionFormValues } from './session-form-values';

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

/** What the form opens with: a refused input as typed, an edited session as stored, or nothing. */
async function initialValues(deps: AppDeps, actor: Actor, options: SessionFormOptions): Promise<Record<string, string> | undefined> {
  if (options.refused) return keptValues(options.refused.raw);
  if (!options.editing) return undefined;
  const audience = options.editing.audience;
  // The people named by id on the form (a staff audience, the facilitators) are shown by e-mail.
  const named = [...(audience.kind === 'staff' ? audience.staffIds : []), ...options.editing.facilitatorIds];
  const people = named.length > 0 ? (await deps.store.staff.find(actor.tenant.id, { where: { id: { in: [...new Set(named)] } } })).map((p) => p.value) : [];
  return sessionFormValues(options.editing, actor.tenant, people);
}

/** The default questionnaire first, so a new session gets it unless the lead picks another. */
function reactionChoices(templates: readonly QuestionnaireTemplate[]): { id: string; name: string }[] {
  return templates
    .filter((t) => t.purpose === 'reaction')
    .sort((a, b) => Number(b.id === DEFAULT_REACTION_TEMPLATE_ID) - Number(a.id === DEFAULT_REACTION_TEMPLATE_ID) || a.name.localeCompare(b.name))
    .map((t) => ({ id: t.id, name: t.name }));
}

export interface SessionFormOptions {
  refused?: { raw: Record<string, unknown>; errors?: FieldErrors; notice: Notice };
  editing?: Session;
}

/** The lead's session form, new or filled in for editing: upcoming published sessions to follow on from, and the trust's schools. */
export async function buildSessionFormView(deps: AppDeps, actor: Actor, options: SessionFormOptions = {}): Promise<SessionFormView> {
  const zone = actor.tenant.settings.timezone;
  const upcoming = await deps.store.sessions.find(actor.tenant.id, {
    where: { startsAt: { gt: deps.clock.now().toISOString() }, status: 'published' },
    orderBy: { field: 'startsAt', direction: 'asc' },
    limit: FOLLOW_UP_CHOICES + 1,
  });
  const values = await initialValues(deps, actor, options);
  const { refused, editing } = options;
  return {
    kind: 'session-form',
    ...(editing ? { sessionId: editing.id } : {}),
    followUpOptions: upcoming
      .filter(({ value: s }) => s.id !== editing?.id)
      .slice(0, FOLLOW_UP_CHOICES)
      .map(({ value: s }) => ({ sessionId: s.id, label: `${s.title} (${formatSessionTime(s.startsAt, s.endsAt, zone)})`.slice(0, 75) })),
    schools: actor.tenant.schools.map((s) => ({ id: s.id, name: s.name })),
    questionnaireTemplates: reactionChoices(await tenantTemplates(deps, actor.tenant.id)),
    ...(actor.tenant.settings.statutoryTopics.length > 0 ? { statutoryTopics: actor.tenant.settings.statutoryTopics.map((t) => t.topic) } : {}),
    ...(values ? { values } : {}),
    ...(refused ? { notice: refused.notice, ...(refused.errors ? { errors: refused.errors } : {}) } : {}),
  };
}
