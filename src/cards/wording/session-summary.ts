import { CATEGORY_LABELS, KIND_LABELS, type Participation, type Session, type Tenant } from '../../domain';
import { formatSessionTime } from '../format';
import type { SessionSummary } from '../views/common';

/** A session as every card shows it; `participation` and `placesTaken` add the person's RSVP and places left. */
export function toSessionSummary(
  session: Session,
  tenant: Pick<Tenant, 'settings'>,
  extra: { participation?: Participation; placesTaken?: number; facilitatorNames?: string[] } = {},
): SessionSummary {
  const facilitators = [...(extra.facilitatorNames ?? []), ...(session.externalFacilitator ? [session.externalFacilitator] : [])];
  return {
    sessionId: session.id,
    title: session.title,
    categoryLabel: CATEGORY_LABELS[session.category],
    kindLabel: KIND_LABELS[session.kind],
    whenText: formatSessionTime(session.startsAt, session.endsAt, tenant.settings.timezone),
    startsAt: session.startsAt,
    endsAt: session.endsAt,
    ...(session.location.place ? { place: session.location.place } : {}),
    ...(session.location.meetingUrl ? { meetingUrl: session.location.meetingUrl } : {}),
    ...(facilitators.length > 0 ? { facilitatorText: facilitators.join(', ') } : {}),
    compulsory: session.compulsory,
    ...(session.capacity !== undefined && extra.placesTaken !== undefined
      ? { placesLeft: Math.max(0, session.capacity - extra.placesTaken) }
      : {}),
    ...(extra.participation?.rsvp ? { rsvp: extra.participation.rsvp } : {}),
  };
}
