import { DateTime } from 'luxon';
import { participationId, requirementFor, type Session } from '../../domain';
import { renewStatutoryTraining, undoSessionRenewal } from '../records';
import { upsertWithRetry } from '../../store/update';
import type { Actor } from '../people';
import type { AppDeps } from '../deps';
import { loadRegister, registerIsOpen } from './register-people';
import { mayRunSession } from '../sessions';

export interface AttendanceMark {
  staffId: string;
  present: boolean;
}

/** `statutory`: what a session marked as statutory training did to the records of those present (issue 26 item 2). */
export type AttendanceResult = { ok: true; present: number; absent: number; changed: number; statutory?: string } | { ok: false; message: string };

/**
 * The register: a facilitator of the session or a lead marks who was there. Only people on the
 * session's register (`loadRegister`) can be marked: one id outside it refuses the whole register
 * before anything is written. Each mark is written under its ETag, so an RSVP change racing it is
 * kept; a mark already recorded is not written again, so saving the same register twice changes nothing.
 */
export async function markAttendance(
  deps: AppDeps,
  actor: Actor,
  input: { sessionId: string; marks: readonly AttendanceMark[] },
): Promise<AttendanceResult> {
  const session = (await deps.store.sessions.get(actor.tenant.id, input.sessionId))?.value;
  if (!session || session.status === 'draft') return { ok: false, message: "I can't find that session." };
  if (!mayRunSession(actor, session)) return { ok: false, message: "Only the session's facilitator or a CPD lead can take the register." };
  if (session.status === 'cancelled') return { ok: false, message: 'That session was cancelled: there is no register to take.' };
  if (!registerIsOpen(session, deps.clock.now())) return { ok: false, message: 'The register opens an hour before the session starts.' };
  const register = await loadRegister(deps, session);
  const onRegister = new Set([...register.expected, ...register.waitlist].map((r) => r.staffId));
  if (input.marks.some((m) => !onRegister.has(m.staffId))) {
    return { ok: false, message: 'That register lists someone who is not expected at this session (it may be out of date). Nothing was saved: please open the register again.' };
  }
  const marks = new Map(input.marks.map((m) => [m.staffId, m.present]));
  if (marks.size === 0) return { ok: false, message: 'Nothing to save: nobody was on that register.' };
  const now = deps.clock.now().toISOString();
  let changed = 0;
  for (const [staffId, present] of marks) {
    const id = participationId(session.id, staffId);
    const written = await upsertWithRetry(deps.store.participations, actor.tenant.id, id, (current) =>
      current?.attended === present
        ? undefined
        : { tenantId: actor.tenant.id, id, sessionId: session.id, staffId, ...(current ?? {}), attended: present, attendanceMarkedAt: now, attendanceMarkedBy: actor.staff.id },
    );
    // Already-written marks stand (each is a complete fact); saving again finishes the rest.
    if (!written.ok) return { ok: false, message: 'Someone else changed this register at the same moment. Please save it again.' };
    if (written.changed) changed++;
  }
  const present = [...marks.values()].filter(Boolean).length;
  const whoWas = (here: boolean) => [...marks].filter(([, present]) => present === here).map(([staffId]) => staffId);
  const statutory = session.statutoryTopic ? await renewForSession(deps, actor, session, whoWas(true), whoWas(false)) : undefined;
  return { ok: true, present, absent: marks.size - present, changed, ...(statutory ? { statutory } : {}) };
}

/**
 * A session marked as statutory training (its `statutoryTopic`): everyone marked present has the
 * topic renewed from the session's day. Saving the register again renews nothing twice (the
 * renewal keeps the later day). Someone marked absent whose record this register renewed (ticked
 * by mistake, then unticked) has it put back as it was. A topic the settings no longer name is
 * said, not skipped.
 */
async function renewForSession(deps: AppDeps, actor: Actor, session: Session, present: string[], absent: string[]): Promise<string> {
  const requirement = requirementFor(actor.tenant.settings.statutoryTopics, session.statutoryTopic!);
  if (!requirement) return `no record renewed: ${session.statutoryTopic} is no longer a statutory topic in the settings; add it back in "settings statutory" and save the register again`;
  const day = DateTime.fromISO(session.startsAt, { zone: actor.tenant.settings.timezone }).toISODate()!;
  const raced = `someone's ${requirement.topic} record changed at the same moment; save the register again to finish`;
  let renewed = 0;
  for (const staffId of present) {
    const written = await renewStatutoryTraining(deps, actor.tenant.id, staffId, requirement, day, session.id);
    if (!written.ok) return raced;
    if (written.changed) renewed++;
  }
  let undone = 0;
  for (const staffId of absent) {
    const written = await undoSessionRenewal(deps, actor.tenant.id, staffId, requirement.topic, session.id);
    if (!written.ok) return raced;
    if (written.undone) undone++;
  }
  const already = present.length - renewed;
  const putBack = undone > 0 ? `; ${undone} marked absent ${undone === 1 ? 'has their record' : 'have their records'} put back as before this session` : '';
  return `${requirement.topic} renewed on ${renewed} ${renewed === 1 ? "person's record" : "people's records"}${already > 0 ? `, ${already} already up to date from this session or later` : ''}${putBack}`;
}
