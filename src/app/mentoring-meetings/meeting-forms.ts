import type { CardView } from '../../cards/views';
import { MentoringMeeting, moveMeeting } from '../../domain';
import { localDateOf } from '../../domain/school-time';
import type { Actor } from '../people';
import type { AppDeps } from '../deps';
import { notice } from '../notice';
import { meetingRoleOf, type MeetingRole } from './meeting-access';
import { buildMeetingView } from './meeting-view';
import { reflectionAddedDelivery } from './reflection-added';
import { keptValues, parseRecordInput } from './record-input';

type Result = { ok: boolean; view: CardView };

const RACED: Result = { ok: false, view: notice('attention', 'Someone changed this meeting at the same moment. Nothing was saved: please open it again.') };
const CHECK = { tone: 'attention' as const, text: 'Please check the marked fields.' };

async function roleOr(deps: AppDeps, actor: Actor, meetingId: string): Promise<MeetingRole | Result> {
  const role = await meetingRoleOf(deps, actor, meetingId);
  return 'refused' in role ? { ok: false, view: notice('attention', role.refused) } : role;
}

const today = (deps: AppDeps, actor: Actor) => localDateOf(deps.clock.now(), actor.tenant.settings.timezone);

/** `mentoring.record.open`: the mentor's record form (the record itself once it is in). */
export async function openRecordForm(deps: AppDeps, actor: Actor, meetingId: string): Promise<Result> {
  const role = await roleOr(deps, actor, meetingId);
  if ('ok' in role) return role;
  if (role.viewer !== 'mentor') return { ok: false, view: notice('attention', 'Only the mentor records the meeting. You will be sent the record to reflect on.') };
  if (role.meeting.status !== 'planned') return { ok: true, view: buildMeetingView(role, 'record', { notice: { tone: 'info', text: 'Already recorded.' } }) };
  // Most record it the day it is held: that day is offered, and can be changed.
  return { ok: true, view: buildMeetingView(role, 'record-form', { values: { heldOn: today(deps, actor) } }) };
}

/**
 * `mentoring.record.submit`: the mentor's record, written once under the ETag. Bad input is
 * answered beside its field and nothing is written; a second press changes nothing.
 */
export async function submitRecord(deps: AppDeps, actor: Actor, meetingId: string, inputs: Record<string, unknown>): Promise<Result> {
  const role = await roleOr(deps, actor, meetingId);
  if ('ok' in role) return role;
  if (role.viewer !== 'mentor') return { ok: false, view: notice('attention', 'Only the mentor records the meeting.') };
  if (role.meeting.status !== 'planned') return { ok: true, view: buildMeetingView(role, 'record', { notice: { tone: 'info', text: 'Already recorded; nothing was changed.' } }) };
  const parsed = parseRecordInput(inputs, today(deps, actor));
  if (!parsed.ok) return { ok: false, view: buildMeetingView(role, 'record-form', { values: keptValues(inputs), errors: parsed.errors, notice: CHECK }) };
  const now = deps.clock.now().toISOString();
  const next = MentoringMeeting.parse({ ...role.meeting, status: 'held', record: { ...parsed.value, recordedBy: actor.staff.id, recordedAt: now }, updatedAt: now });
  const put = await deps.store.mentoringMeetings.put(next, { ifVersion: role.version });
  if (!put.ok) return RACED;
  return { ok: true, view: buildMeetingView({ ...role, meeting: next }, 'record', { notice: { tone: 'good', text: `Saved. ${role.mentee.name} is sent the record and can add their reflection.` } }) };
}

/** `mentoring.move.open`: the form to move a meeting to another week (mentor or mentee). */
export async function openMoveForm(deps: AppDeps, actor: Actor, meetingId: string): Promise<Result> {
  const role = await roleOr(deps, actor, meetingId);
  if ('ok' in role) return role;
  if (role.meeting.status !== 'planned') return { ok: true, view: buildMeetingView(role, 'record', { notice: { tone: 'info', text: 'This meeting has been recorded, so it cannot be moved.' } }) };
  return { ok: true, view: buildMeetingView(role, 'move-form') };
}

/** `mentoring.move.submit`: the meeting's week changes and the move is kept in its history (never lost). */
export async function submitMove(deps: AppDeps, actor: Actor, meetingId: string, inputs: Record<string, unknown>): Promise<Result> {
  const role = await roleOr(deps, actor, meetingId);
  if ('ok' in role) return role;
  const toDate = typeof inputs.toWeek === 'string' ? inputs.toWeek.trim() : '';
  const reason = typeof inputs.reason === 'string' ? inputs.reason.trim() : '';
  const refuse = (field: string, message: string): Result => ({ ok: false, view: buildMeetingView(role, 'move-form', { values: keptValues(inputs), errors: { [field]: message }, notice: CHECK }) });
  if (!/^\d{4}-\d{2}-\d{2}$/.test(toDate) || Number.isNaN(Date.parse(`${toDate}T00:00:00Z`))) return refuse('toWeek', 'Choose a day in the week it moves to.');
  if (!reason) return refuse('reason', 'Say why it is moving.');
  const calendar = (await deps.store.calendars.get(actor.tenant.id, 'calendar'))?.value ?? { holidays: [] };
  const now = deps.clock.now().toISOString();
  const moved = moveMeeting(role.meeting, { toDate, reason, movedBy: actor.staff.id, movedAt: now, today: today(deps, actor) }, calendar);
  if (!moved.ok) return refuse(moved.field, moved.message);
  const put = await deps.store.mentoringMeetings.put(MentoringMeeting.parse(moved.meeting), { ifVersion: role.version });
  if (!put.ok) return RACED;
  const other = role.viewer === 'mentor' ? role.mentee.name : (role.mentor?.name ?? 'your mentor');
  return { ok: true, view: buildMeetingView({ ...role, meeting: moved.meeting }, 'reminder', { notice: { tone: 'good', text: `Moved. You and ${other} are reminded in that week.` } }) };
}

/** `mentoring.reflect.open` (Slack's modal): the record with the reflection box. */
export async function openReflection(deps: AppDeps, actor: Actor, meetingId: string): Promise<Result> {
  const role = await roleOr(deps, actor, meetingId);
  if ('ok' in role) return role;
  return { ok: true, view: buildMeetingView(role, 'record') };
}

/** `mentoring.reflect.submit`: the mentee's reflection on a recorded meeting, once, under the ETag. */
export async function submitReflection(deps: AppDeps, actor: Actor, meetingId: string, inputs: Record<string, unknown>): Promise<Result> {
  const role = await roleOr(deps, actor, meetingId);
  if ('ok' in role) return role;
  if (role.viewer !== 'mentee') return { ok: false, view: notice('attention', 'Only the person mentored adds a reflection.') };
  if (role.meeting.status !== 'held') return { ok: false, view: notice('attention', 'This meeting has not been recorded yet.') };
  // A review meeting closed by its progress review has no meeting record to reflect on (close-review-meetings.ts).
  if (!role.meeting.record) return { ok: false, view: notice('attention', 'There is no meeting record to reflect on: this was closed by the progress review.') };
  if (role.meeting.reflection) return { ok: true, view: buildMeetingView(role, 'record', { notice: { tone: 'info', text: 'Already saved; nothing was changed.' } }) };
  const text = typeof inputs.reflection === 'string' ? inputs.reflection.trim() : '';
  if (!text || text.length > 2000) {
    return { ok: false, view: buildMeetingView(role, 'record', { values: keptValues(inputs), errors: { reflection: text ? 'Keep this to 2000 characters.' : 'Write a line or two.' }, notice: CHECK }) };
  }
  const now = deps.clock.now().toISOString();
  const next = MentoringMeeting.parse({ ...role.meeting, reflection: { text, at: now }, updatedAt: now });
  const put = await deps.store.mentoringMeetings.put(next, { ifVersion: role.version });
  if (!put.ok) return RACED;
  // The mentor who held it is told once (create-if-absent, one id per meeting), if they still hold it and are here.
  const mentor = role.mentor?.active && role.mentor.id === next.record?.recordedBy ? role.mentor : undefined;
  const told = mentor ? await reflectionAddedDelivery(deps, actor.tenant, next) : undefined;
  if (told) await deps.store.deliveries.create(told);
  const saved = mentor && told ? `Saved. Your mentor can read it with the record: ${mentor.name} has been told you added it.` : 'Saved. Your mentor can read it with the record.';
  return { ok: true, view: buildMeetingView({ ...role, meeting: next }, 'record', { notice: { tone: 'good', text: saved } }) };
}
