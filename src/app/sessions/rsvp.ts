import { newDelivery, participationId, SchoolCalendar, type Participation, type Session, type Tenant } from '../../domain';
import { outboxDueAt, sessionSendExemption } from '../../domain/send-exemption';
import type { InvitationView } from '../../cards/views/invitation';
import type { NoticeView } from '../../cards/views/notice';
import { updateWithRetry, upsertWithRetry } from '../../store/update';
import type { Actor } from '../people';
import type { AppDeps } from '../deps';
import { buildInvitationView, canRespond } from './invitation-view';
import { notice } from '../notice';
import { cannotGoToBookedCourse } from '../requests';

/** `aboutBookedCourse`: "Can't go" on a course booked for the person: the view says what became of the booking and who was told. */
export type RsvpResult = { ok: true; view: InvitationView; aboutBookedCourse?: true } | { ok: false; view: NoticeView | InvitationView };

/**
 * Places go to the earliest "yes" answers. Every writer computes the same order, so two people
 * racing for the last place converge: the later one is moved to the waiting list.
 */
function byAnswerTime(a: Participation, b: Participation): number {
  return (a.rsvpAt ?? '').localeCompare(b.rsvpAt ?? '') || a.staffId.localeCompare(b.staffId);
}

/**
 * Puts the session's "yes" and waiting list in answer order. Demotions are written before
 * promotions, and a new "yes" on a session with places is written as "waitlist" first (below), so
 * a process killed at any point leaves at most `capacity` places taken: it can leave a free place
 * (filled by the next press on the session), never one too many (issue 24, item 10).
 */
async function settleCapacity(deps: AppDeps, session: Session): Promise<Participation[]> {
  if (session.capacity === undefined) return [];
  const rows = await deps.store.participations.find(session.tenantId, { where: { sessionId: session.id, rsvp: { in: ['yes', 'waitlist'] } } });
  const ordered = [...rows].sort((a, b) => byAnswerTime(a.value, b.value));
  const moves = ordered.map((row, index) => ({ row, shouldBe: index < session.capacity! ? ('yes' as const) : ('waitlist' as const) })).filter((m) => m.row.value.rsvp !== m.shouldBe);
  const promoted: Participation[] = [];
  for (const { row, shouldBe } of [...moves.filter((m) => m.shouldBe === 'waitlist'), ...moves.filter((m) => m.shouldBe === 'yes')]) {
    const p = row.value;
    // Under the ETag of the row just read (no second read); if it changed since, read it again: a
    // register mark or a change of mind written meanwhile is kept.
    const direct = await deps.store.participations.put({ ...p, rsvp: shouldBe }, { ifVersion: row.version });
    const moved = direct.ok
      ? { ok: true, changed: true }
      : await updateWithRetry(deps.store.participations, p.tenantId, p.id, (current) =>
          (current.rsvp === 'yes' || current.rsvp === 'waitlist') && current.rsvp !== shouldBe ? { ...current, rsvp: shouldBe } : undefined,
        );
    if (shouldBe === 'yes' && moved.ok && moved.changed) promoted.push(p);
  }
  return promoted;
}

/**
 * Tells each person moved off the waiting list, through the outbox like every other message: due
 * now, or at the next allowed time when someone frees a place at night, at a weekend or in a
 * holiday (session exemptions as for invitations). Not at all if that is after the session starts.
 */
async function tellPromoted(deps: AppDeps, tenant: Tenant, session: Session, promoted: Participation[]): Promise<void> {
  if (promoted.length === 0) return;
  const now = deps.clock.now();
  const calendar = (await deps.store.calendars.get(tenant.id, 'calendar'))?.value ?? SchoolCalendar.parse({ tenantId: tenant.id });
  const sendExemption = sessionSendExemption(session, tenant.settings);
  const dueAt = outboxDueAt(now, now, calendar, tenant.settings.timezone, sendExemption);
  if (dueAt >= new Date(session.startsAt)) return;
  for (const p of promoted) {
    await deps.store.deliveries.create(
      newDelivery({
        tenantId: session.tenantId,
        kind: 'waitlist-promoted',
        recipientId: p.staffId,
        subject: { sessionId: session.id },
        subjectKey: session.id,
        slot: String(session.revision),
        dueAt: dueAt.toISOString(),
        sendExemption,
        expiresAt: session.startsAt,
        createdAt: now.toISOString(),
      }),
    );
  }
}

/** Yes or no to a session. Answering the same twice changes nothing; a full session puts a "yes" on the waiting list. */
export async function respondToInvitation(
  deps: AppDeps,
  actor: Actor,
  input: { sessionId: string; answer: 'yes' | 'no' },
): Promise<RsvpResult> {
  const { tenant, staff } = actor;
  const session = (await deps.store.sessions.get(tenant.id, input.sessionId))?.value;
  if (!session || session.status === 'draft') return { ok: false, view: notice('attention', "I can't find that session any more.") };
  if (!canRespond(session, deps.clock.now())) {
    return { ok: false, view: await buildInvitationView(deps, tenant, session, staff.id) };
  }
  const id = participationId(session.id, staff.id);
  const rsvpAt = deps.clock.now().toISOString();
  // Under the ETag, so a register mark written meanwhile (it opens an hour before the start) is kept.
  // With places to count, a "yes" joins the waiting list and settling gives it a place if one is free.
  const stored = input.answer === 'yes' && session.capacity !== undefined ? ('waitlist' as const) : input.answer;
  let onWaitlist = false;
  const written = await upsertWithRetry(deps.store.participations, tenant.id, id, (current) => {
    onWaitlist = current?.rsvp === 'waitlist';
    const alreadySaid = input.answer === 'yes' ? current?.rsvp === 'yes' || current?.rsvp === 'waitlist' : current?.rsvp === 'no';
    return alreadySaid ? undefined : { tenantId: tenant.id, id, sessionId: session.id, staffId: staff.id, ...(current ?? {}), rsvp: stored, rsvpAt };
  });
  if (!written.ok) return { ok: false, view: notice('attention', 'Your answer crossed with another change. Please press the button again.') };
  // "Can't go" to a course booked for them: the booking is cancelled and the booker told.
  // Also when the answer was already "no": a press that failed halfway is finished by the next (each step is idempotent).
  const cancelled = input.answer === 'no' ? await cannotGoToBookedCourse(deps, tenant, staff, session) : undefined;
  // A press from someone already waiting settles too: it finishes what a process killed after their first press left undone.
  if (written.changed || (onWaitlist && input.answer === 'yes')) {
    const promoted = await settleCapacity(deps, session);
    await tellPromoted(
      deps,
      tenant,
      session,
      promoted.filter((p) => p.staffId !== staff.id),
    );
  }
  const view = await buildInvitationView(deps, tenant, session, staff.id);
  return cancelled ? { ok: true, view: { ...view, notice: cancelled }, aboutBookedCourse: true } : { ok: true, view };
}
