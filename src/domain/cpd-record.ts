import { z } from 'zod';
import { deterministicId, Id, Instant, LocalDate } from './ids';

/**
 * The rest of a person's CPD (docs/policy-sources.md, the record of seed 003): CPD done outside
 * the bot's sessions, formal qualifications, and statutory training that must be renewed.
 */

export const CPD_LOG_TYPES = ['course', 'reading', 'coaching', 'observation', 'online'] as const;
export const CpdLogType = z.enum(CPD_LOG_TYPES);
export type CpdLogType = z.infer<typeof CpdLogType>;
export const CPD_LOG_TYPE_LABELS: Record<CpdLogType, string> = {
  course: 'Course',
  reading: 'Reading',
  coaching: 'Coaching',
  observation: 'Observation',
  online: 'Online learning',
};

/** One piece of CPD a person logged themselves (`log cpd`). */
export const CpdLogEntry = z.object({
  tenantId: Id,
  id: Id,
  staffId: Id,
  what: z.string().trim().min(1).max(300),
  /** The day it happened (or ended), in the tenant's zone. */
  on: LocalDate,
  /** Quarter hours are enough; a week-long course is 35 hours, so 200 is a generous cap. */
  hours: z.number().min(0.25).max(200),
  type: CpdLogType,
  learned: z.string().trim().min(1).max(3000),
  loggedAt: Instant,
});
export type CpdLogEntry = z.infer<typeof CpdLogEntry>;

/**
 * Same person, day and title (case and spacing aside) → same id, so a retried submission
 * lands on the same document instead of logging the course twice.
 */
export function cpdLogEntryId(staffId: string, on: string, what: string): string {
  return deterministicId('cpd', staffId, on, what.trim().replace(/\s+/g, ' ').toLowerCase());
}

export const QUALIFICATION_KINDS = ['npqml', 'npqsl', 'npqh', 'npqltd', 'npqlt', 'npqlbc', 'npqeyl', 'npqel', 'hlta', 'degree', 'other'] as const;
export const QualificationKind = z.enum(QUALIFICATION_KINDS);
export type QualificationKind = z.infer<typeof QualificationKind>;

/** A formal qualification (NPQs, HLTA, degrees) with the dates the record shows. */
export const Qualification = z.object({
  tenantId: Id,
  id: Id,
  staffId: Id,
  kind: QualificationKind,
  title: z.string().trim().min(1).max(300),
  startedOn: LocalDate.optional(),
  awardedOn: LocalDate.optional(),
  recordedAt: Instant,
});
export type Qualification = z.infer<typeof Qualification>;

export function qualificationId(staffId: string, kind: string, title: string): string {
  return deterministicId('qual', staffId, kind, title.trim().toLowerCase());
}

/** Training the law or the trust requires and that lapses: one document per person and topic, renewed in place. */
export const StatutoryTraining = z.object({
  tenantId: Id,
  id: Id,
  staffId: Id,
  /** e.g. safeguarding, first-aid, prevent, or a topic the lead names. */
  topic: z.string().trim().min(1).max(100),
  completedOn: LocalDate,
  expiresOn: LocalDate,
  recordedAt: Instant,
  /**
   * Renewed by a statutory session's register: that session, and the record's days before it (none:
   * there was no record), so unticking the person on that register puts the record back.
   */
  fromSession: z.object({ sessionId: Id, before: z.object({ completedOn: LocalDate, expiresOn: LocalDate }).optional() }).optional(),
});
export type StatutoryTraining = z.infer<typeof StatutoryTraining>;

export function statutoryTrainingId(staffId: string, topic: string): string {
  return deterministicId('stat', staffId, topic.trim().toLowerCase());
}
