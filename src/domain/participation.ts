import { z } from 'zod';
import { deterministicId, Id, Instant } from './ids';

export const RsvpAnswer = z.enum(['yes', 'no', 'waitlist']);
export type RsvpAnswer = z.infer<typeof RsvpAnswer>;

/** One person's place in one session: their RSVP and, later, their attendance. */
export const Participation = z.object({
  tenantId: Id,
  id: Id,
  sessionId: Id,
  staffId: Id,
  rsvp: RsvpAnswer.optional(),
  rsvpAt: Instant.optional(),
  /** When the invitation was sent: "invited" in reports is this recorded fact, not today's staff list. */
  invitedAt: Instant.optional(),
  /** Set by the facilitator or lead when the register is taken. */
  attended: z.boolean().optional(),
  attendanceMarkedAt: Instant.optional(),
  attendanceMarkedBy: Id.optional(),
});
export type Participation = z.infer<typeof Participation>;

export function participationId(sessionId: string, staffId: string): string {
  return deterministicId('part', sessionId, staffId);
}

/**
 * Who attended a session, from its participations: those marked present; when no register was
 * taken, those who said yes. The questionnaire and gap task go to them, and reports count them.
 */
export function attendeesAmong(participations: readonly Participation[]): string[] {
  const registerTaken = participations.some((p) => p.attended !== undefined);
  return participations.filter((p) => (registerTaken ? p.attended === true : p.rsvp === 'yes')).map((p) => p.staffId);
}
