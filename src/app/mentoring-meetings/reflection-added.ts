import type { CardView } from '../../cards/views';
import { reflectionAddedText } from '../../cards/wording/mentoring-reflection';
import { SchoolCalendar, newDelivery, reflectionNotice, type Delivery, type MentoringMeeting, type Staff, type Tenant } from '../../domain';
import { outboxDueAt } from '../../domain/send-exemption';
import type { AppDeps } from '../deps';
import { meetingRoleOf } from './meeting-access';
import { dayText } from './meeting-view';

/**
 * The mentor's notice that the mentee reflected (docs/mentoring.md, "In chat"), written with the
 * reflection; the planner writes the same record (same id) should this write be lost.
 */
export async function reflectionAddedDelivery(deps: AppDeps, tenant: Tenant, meeting: MentoringMeeting): Promise<Delivery | undefined> {
  const notice = reflectionNotice(meeting);
  if (!notice) return undefined;
  const now = deps.clock.now();
  const calendar = (await deps.store.calendars.get(tenant.id, 'calendar'))?.value ?? SchoolCalendar.parse({ tenantId: tenant.id });
  return newDelivery({
    tenantId: tenant.id,
    kind: 'mentoring-reflection',
    recipientId: notice.mentorId,
    subject: { mentoringMeetingId: meeting.id },
    subjectKey: meeting.id,
    dueAt: outboxDueAt(now, now, calendar, tenant.settings.timezone).toISOString(),
    expiresAt: notice.until.toISOString(),
    createdAt: now.toISOString(),
  });
}

/**
 * To the mentor holding the meeting today: who reflected, on which meeting. The reflection is not
 * quoted: the button opens the meeting, where the mentor (and only they and the mentee) read it.
 */
export async function composeReflectionAdded(deps: AppDeps, tenant: Tenant, recipient: Staff, delivery: Delivery): Promise<{ view: CardView; text: string } | string> {
  const id = delivery.subject.mentoringMeetingId;
  if (!id) return 'meeting not found';
  const role = await meetingRoleOf(deps, { tenant, staff: recipient }, id);
  if ('refused' in role) return role.refused;
  if (role.viewer !== 'mentor') return 'only the mentor is told of a reflection';
  const { record, reflection } = role.meeting;
  if (!record || !reflection) return 'no reflection on this meeting';
  const view = { kind: 'mentoring-reflection' as const, mentoringMeetingId: role.meeting.id, menteeName: role.mentee.name, heldOnText: dayText(record.heldOn), focus: record.focus };
  return { view, text: reflectionAddedText(view) };
}
