import type { CardView } from '../../cards/views';
import { meetingHeadline, nameSupporterHow } from '../../cards/wording/mentoring';
import { deliveryId, hasRole, leadsCpdOf, MENTOR_ROLE_LABELS, trustCpdLeads, type Delivery, type MentorRole, type Staff, type Tenant } from '../../domain';
import type { AppDeps } from '../deps';
import { notice } from '../notice';
import { meetingRoleOf } from './meeting-access';
import { buildActionView } from './agreed-actions';
import { buildMeetingView, weekText } from './meeting-view';
import { buildReviewView, reviewPeople } from './progress-review';

type Composed = Promise<{ view: CardView; text: string } | string>;

/**
 * What each mentoring message says when the dispatcher sends it (docs/mentoring.md, "In chat"). Each
 * looks again at the meeting or review: one recorded, moved, reflected on or done since sends nothing.
 */

export async function composeMeetingReminder(deps: AppDeps, tenant: Tenant, recipient: Staff, delivery: Delivery): Composed {
  const id = delivery.subject.mentoringMeetingId;
  if (!id) return 'meeting not found';
  const role = await meetingRoleOf(deps, { tenant, staff: recipient }, id);
  if ('refused' in role) return role.refused;
  if (role.meeting.status !== 'planned') return 'meeting already recorded';
  if (delivery.id !== deliveryId('mentoring-reminder', recipient.id, role.meeting.id, role.meeting.weekStart)) return 'meeting moved to another week';
  const view = buildMeetingView(role, 'reminder');
  return { view, text: meetingHeadline(view) };
}

export async function composeMeetingRecord(deps: AppDeps, tenant: Tenant, recipient: Staff, delivery: Delivery): Composed {
  const id = delivery.subject.mentoringMeetingId;
  if (!id) return 'meeting not found';
  const role = await meetingRoleOf(deps, { tenant, staff: recipient }, id);
  if ('refused' in role) return role.refused;
  // Only ever the mentee's copy: the record goes to nobody else (docs/privacy.md).
  if (role.viewer !== 'mentee') return 'the record goes to the mentee only';
  if (role.meeting.status !== 'held') return 'meeting not recorded';
  if (role.meeting.reflection) return 'already reflected on';
  const view = buildMeetingView(role, 'record');
  return { view, text: meetingHeadline(view) };
}

export async function composeActionNudge(deps: AppDeps, tenant: Tenant, recipient: Staff, delivery: Delivery): Composed {
  const { mentoringMeetingId: id, mentoringActionId: actionId } = delivery.subject;
  if (!id || !actionId) return 'action not found';
  const role = await meetingRoleOf(deps, { tenant, staff: recipient }, id);
  if ('refused' in role) return role.refused;
  const action = role.meeting.record?.actions.find((a) => a.id === actionId);
  if (!action) return 'action not found';
  if (action.doneAt) return 'action already done';
  const overdue = delivery.id === deliveryId('mentoring-action-nudge', recipient.id, `${id}:${actionId}`, 'overdue');
  const view = buildActionView(role, action, overdue);
  return { view, text: `${overdue ? 'Overdue' : 'Due'}: ${action.text}` };
}

export async function composeReviewPrompt(deps: AppDeps, tenant: Tenant, recipient: Staff, delivery: Delivery): Composed {
  const { menteeId, reviewTerm } = delivery.subject;
  const people = menteeId && reviewTerm ? await reviewPeople(deps, tenant, menteeId, reviewTerm) : undefined;
  if (!people) return 'review not found';
  if (!people.mentorIds.includes(recipient.id) && people.tutorId !== recipient.id) return 'no longer their mentor or induction tutor';
  if (await deps.store.progressReviews.get(tenant.id, people.reviewId)) return 'review already recorded';
  const view = await buildReviewView(deps, tenant, people, 'prompt');
  return { view, text: `Progress review due: ${view.menteeName} (${view.termText})` };
}

export async function composeAtRisk(deps: AppDeps, tenant: Tenant, recipient: Staff, delivery: Delivery): Composed {
  const { menteeId, reviewTerm } = delivery.subject;
  const people = menteeId && reviewTerm ? await reviewPeople(deps, tenant, menteeId, reviewTerm) : undefined;
  if (!people) return 'review not found';
  if (people.tutorId !== recipient.id && !leadsCpdOf(tenant, recipient, people.mentee)) return 'not their induction tutor or a CPD lead';
  const review = (await deps.store.progressReviews.get(tenant.id, people.reviewId))?.value;
  if (review?.outcome !== 'at-risk') return 'review not at risk';
  const view = await buildReviewView(deps, tenant, people, 'at-risk');
  return { view, text: `At risk: ${view.menteeName}'s progress review (${view.termText})` };
}

/**
 * How the lead told can get the supporter named. Naming one (`mentor`, the staff list) needs the
 * trust's `cpd-lead` role: a school's own lead without it is told who can, and that they were told too.
 */
async function howToName(deps: AppDeps, tenant: Tenant, recipient: Staff, roles: readonly [MentorRole, ...MentorRole[]], mentee: string): Promise<string> {
  if (hasRole(recipient, 'cpd-lead')) return `${nameSupporterHow(roles, mentee)}, and the next reminder goes to them.`;
  const trustLead = trustCpdLeads((await deps.store.staff.find(tenant.id, { where: { active: true } })).map((r) => r.value))[0];
  if (!trustLead) return 'Naming one needs a trust CPD lead, and there is none: ask whoever set Twilight up to name one ("twilight lead add <e-mail>").';
  return `A trust CPD lead names one; ${trustLead.name} has been told too.`;
}

/** To a CPD lead of the person (the trust's, or their school's own): a meeting or a review needs someone the links do not name. Sent only while it is still missing. */
export async function composeMentoringGap(deps: AppDeps, tenant: Tenant, recipient: Staff, delivery: Delivery): Composed {
  const { mentoringMeetingId, menteeId, reviewTerm, mentoringGap } = delivery.subject;
  if (mentoringMeetingId) {
    const meeting = (await deps.store.mentoringMeetings.get(tenant.id, mentoringMeetingId))?.value;
    const mentee = meeting ? (await deps.store.staff.get(tenant.id, meeting.menteeId))?.value : undefined;
    if (!meeting || !mentee || meeting.status !== 'planned') return 'meeting no longer planned';
    if (!leadsCpdOf(tenant, recipient, mentee)) return 'no longer a CPD lead of theirs';
    const role = await meetingRoleOf(deps, { tenant, staff: mentee }, meeting.id);
    if (!('refused' in role) && role.mentor?.active) return 'a mentor is named now';
    const text = `${mentee.name} has a mentoring meeting in the ${weekText(meeting.weekStart).toLowerCase()} (${meeting.focus}), but no ${MENTOR_ROLE_LABELS[meeting.with]} is named, so only they were reminded. ${await howToName(deps, tenant, recipient, [meeting.with], mentee.name)}`;
    return { view: notice('warning', text, 'A mentor is missing'), text: `A mentor is missing: ${mentee.name}` };
  }
  const people = menteeId && reviewTerm ? await reviewPeople(deps, tenant, menteeId, reviewTerm) : undefined;
  if (!people) return 'review not found';
  if (!leadsCpdOf(tenant, recipient, people.mentee)) return 'no longer a CPD lead of theirs';
  if (await deps.store.progressReviews.get(tenant.id, people.reviewId)) return 'review already recorded';
  const missing = mentoringGap === 'induction-tutor' ? (people.tutorId ? undefined : 'an induction tutor') : people.mentorIds.length ? undefined : 'a mentor';
  if (!missing) return 'no longer missing';
  const how = await howToName(deps, tenant, recipient, mentoringGap === 'induction-tutor' ? ['induction-tutor'] : ['subject-mentor', 'professional-mentor'], people.mentee.name);
  const text = `${people.mentee.name}'s termly progress review (early-career induction) is due, but they have no ${missing.replace(/^an? /, '')} named, so the review cannot reach them. ${how}`;
  return { view: notice('warning', text, `${missing[0]!.toUpperCase()}${missing.slice(1)} is missing`), text: `Progress review: ${people.mentee.name} has no ${missing.replace(/^an? /, '')}` };
}
