import type { Participation, Session, Tenant } from '../../domain';
import { participationId } from '../../domain';
import type { Notice } from '../../cards/views/common';
import type { InvitationView } from '../../cards/views/invitation';
import type { ReminderView } from '../../cards/views/reminder';
import type { AppDeps } from '../deps';
import { toSessionSummary } from '../../cards/wording/session-summary';
import { facilitatorNames } from './facilitator-names';

export async function placesTaken(deps: AppDeps, session: Session): Promise<number | undefined> {
  if (session.capacity === undefined) return undefined;
  return deps.store.participations.count(session.tenantId, { sessionId: session.id, rsvp: 'yes' });
}

export function canRespond(session: Session, now: Date): boolean {
  return session.status === 'published' && now.toISOString() < session.startsAt;
}

const REASON_NOTICES: Partial<Record<InvitationView['reason'], Notice>> = {
  changed: { tone: 'warning', text: 'This session has changed: please check the time and place.' },
  cancelled: { tone: 'attention', text: 'This session has been cancelled.' },
  'waitlist-promoted': { tone: 'good', text: 'A place has come free and it is yours: you are now booked on.' },
};

function rsvpNotice(participation: Participation | undefined): Notice | undefined {
  switch (participation?.rsvp) {
    case 'yes':
      return { tone: 'good', text: "You're booked on. We'll remind you beforehand." };
    case 'no':
      return { tone: 'info', text: "You've said you can't come." };
    case 'waitlist':
      return { tone: 'warning', text: "The session is full: you're on the waiting list and we'll tell you if a place comes free." };
    default:
      return undefined;
  }
}

async function summaryFor(deps: AppDeps, tenant: Tenant, session: Session, staffId: string) {
  const [participation, taken, names] = await Promise.all([
    deps.store.participations.get(session.tenantId, participationId(session.id, staffId)),
    placesTaken(deps, session),
    facilitatorNames(deps, session),
  ]);
  return {
    participation: participation?.value,
    summary: toSessionSummary(session, tenant, {
      ...(participation ? { participation: participation.value } : {}),
      ...(taken !== undefined ? { placesTaken: taken } : {}),
      facilitatorNames: names,
    }),
  };
}

export async function buildInvitationView(
  deps: AppDeps,
  tenant: Tenant,
  session: Session,
  staffId: string,
  reason: InvitationView['reason'] = 'invitation',
): Promise<InvitationView> {
  const { participation, summary } = await summaryFor(deps, tenant, session, staffId);
  const effectiveReason = session.status === 'cancelled' ? 'cancelled' : reason;
  const notice = REASON_NOTICES[effectiveReason] ?? rsvpNotice(participation);
  return {
    kind: 'invitation',
    session: summary,
    ...(session.description ? { description: session.description } : {}),
    ...(session.gapTask ? { intent: session.gapTask.intent } : {}),
    reason: effectiveReason,
    ...(notice ? { notice } : {}),
    ...(deps.links ? { calendarUrl: deps.links.sessionCalendarUrl(tenant.id, session.id) } : {}),
    canRespond: canRespond(session, deps.clock.now()),
  };
}

export async function buildReminderView(
  deps: AppDeps,
  tenant: Tenant,
  session: Session,
  staffId: string,
  when: ReminderView['when'],
): Promise<ReminderView> {
  const { summary } = await summaryFor(deps, tenant, session, staffId);
  return { kind: 'reminder', session: summary, when, canRespond: canRespond(session, deps.clock.now()) };
}
