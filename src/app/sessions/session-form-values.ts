import { DateTime } from 'luxon';
import type { Session, Staff, Tenant } from '../../domain';

/** What the audience looks like typed into the form: school by name, people by e-mail. */
function audienceText(session: Session, tenant: Tenant, people: readonly Staff[]): string {
  const audience = session.audience;
  switch (audience.kind) {
    case 'trust':
      return '';
    case 'school':
      return tenant.schools.find((s) => s.id === audience.schoolId)?.name ?? audience.schoolId;
    case 'pathway':
      return audience.pathway;
    case 'department':
      return audience.department;
    case 'staff':
      return audience.staffIds.map((id) => people.find((p) => p.id === id)?.email ?? id).join(', ');
  }
}

/**
 * A session as the new-session form's fields, so "edit" opens the same form filled in. Both
 * platforms' time fields are given: date/start/end for Teams, startsAt/durationMinutes for Slack.
 */
export function sessionFormValues(session: Session, tenant: Tenant, people: readonly Staff[]): Record<string, string> {
  const zone = tenant.settings.timezone;
  const start = DateTime.fromISO(session.startsAt, { zone });
  const end = DateTime.fromISO(session.endsAt, { zone });
  const optional = (key: string, value: string | number | undefined) => (value === undefined ? {} : { [key]: String(value) });
  return {
    title: session.title,
    category: session.category,
    kind: session.kind,
    date: start.toISODate() ?? '',
    start: start.toFormat('HH:mm'),
    end: end.toFormat('HH:mm'),
    startsAt: String(Math.floor(start.toSeconds())),
    durationMinutes: String(Math.round(end.diff(start, 'minutes').minutes)),
    ...optional('place', session.location.place),
    ...optional('meetingUrl', session.location.meetingUrl),
    ...optional('description', session.description),
    audienceKind: session.audience.kind,
    audienceValue: audienceText(session, tenant, people),
    ...optional('capacity', session.capacity),
    ...optional('facilitators', session.facilitatorIds.length > 0 ? session.facilitatorIds.map((id) => people.find((p) => p.id === id)?.email ?? id).join(', ') : undefined),
    ...optional('provider', session.provider),
    ...optional('cost', session.costPence !== undefined ? (session.costPence / 100).toFixed(2) : undefined),
    compulsory: String(session.compulsory),
    ...optional('intent', session.gapTask?.intent),
    ...optional('gapTask', session.gapTask?.task),
    ...optional('impactWeeks', session.impactFollowUp ? String(session.impactFollowUp.weeksAfter) : undefined),
    ...optional('followUpSessionId', session.followUpSessionId),
    ...optional('questionnaireTemplateId', session.questionnaireTemplateId),
    ...optional('statutoryTopic', session.statutoryTopic),
  };
}
