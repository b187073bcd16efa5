import { z } from 'zod';
import { deterministicId, Id, Instant, LocalDate } from './ids';

/**
 * Mentoring, coaching and early-career induction (issue 30, docs/mentoring.md). Seed 000 puts a subject
 * mentor and a whole-school (professional) mentor beside each new teacher; seeds 001 and 004 a coach;
 * statutory induction an induction tutor. These are the shared shapes; the rules live in the
 * `src/domain/mentoring-*.ts` files beside this one and the flows in `src/app/mentoring/`.
 */

export const MentorRole = z.enum(['subject-mentor', 'professional-mentor', 'coach', 'induction-tutor']);
export type MentorRole = z.infer<typeof MentorRole>;

export const MENTOR_ROLE_LABELS: Record<MentorRole, string> = {
  'subject-mentor': 'subject mentor',
  'professional-mentor': 'professional mentor',
  coach: 'coach',
  'induction-tutor': 'induction tutor',
};

/** One person supporting another in one role, from a day, until a day (inclusive) or open. */
export const MentoringLink = z
  .object({
    tenantId: Id,
    /** `mentoringLinkId(menteeId, role, startOn)`: a roster read twice writes the same link. */
    id: Id,
    menteeId: Id,
    mentorId: Id,
    role: MentorRole,
    startOn: LocalDate,
    endOn: LocalDate.optional(),
    /** Where it came from, for `staff show` and the audit: a roster import, a command in chat, the CLI. */
    source: z.enum(['roster', 'chat', 'cli']),
    updatedAt: Instant,
  })
  .refine((l) => l.mentorId !== l.menteeId, 'a person cannot mentor themselves')
  .refine((l) => l.endOn === undefined || l.startOn <= l.endOn, 'a link must not end before it starts');
export type MentoringLink = z.infer<typeof MentoringLink>;

export function mentoringLinkId(menteeId: string, role: MentorRole, startOn: string): string {
  return deterministicId('mlink', menteeId, role, startOn);
}

/** Whether a link holds on a local day. */
export function linkHoldsOn(link: Pick<MentoringLink, 'startOn' | 'endOn'>, localDate: string): boolean {
  return link.startOn <= localDate && (link.endOn === undefined || localDate <= link.endOn);
}

/**
 * Where a programme's meeting falls: a school week of the programme's year (weeks counted in school
 * weeks from the first week of the autumn term, so holiday weeks are skipped), in year 1 or 2 of it.
 */
export const ProgrammeWeek = z
  .object({
    year: z.number().int().min(1).max(2).default(1),
    schoolWeek: z.number().int().min(1).max(45),
    /** The last school week of a range ("weeks 3-4"): the meeting is planned in `schoolWeek` and may be held until this one. */
    throughWeek: z.number().int().min(1).max(45).optional(),
  })
  .refine((w) => w.throughWeek === undefined || w.throughWeek >= w.schoolWeek, 'a range of weeks must not end before it starts');
export type ProgrammeWeek = z.infer<typeof ProgrammeWeek>;

export const ProgrammeItemKind = z.enum(['meeting', 'progress-review', 'assessment']);
export type ProgrammeItemKind = z.infer<typeof ProgrammeItemKind>;

export const ProgrammeItem = z.object({
  /** Stable within the programme ("m1", "y1-w12", "review-y1-t1"): meeting ids are made from it. */
  key: z.string().regex(/^[a-z0-9-]{1,40}$/),
  kind: ProgrammeItemKind,
  at: ProgrammeWeek,
  focus: z.string().trim().min(1).max(300),
  /** Who holds it: the mentee's link in this role (a progress review also goes to the induction tutor). */
  with: MentorRole.default('professional-mentor'),
});
export type ProgrammeItem = z.infer<typeof ProgrammeItem>;

/**
 * A named schedule of meetings (seed 000's first-term meetings, the Developing Teacher pathway, a
 * two-year early-career induction). Built-in ones are copied and changed as questionnaire templates are.
 */
export const MentoringProgramme = z.object({
  tenantId: Id,
  id: Id,
  name: z.string().trim().min(1).max(120),
  /** How many years it runs (an early-career induction: 2). */
  years: z.number().int().min(1).max(2).default(1),
  items: z.array(ProgrammeItem).min(1).max(200),
  /** The built-in template it was copied from, if any. */
  copiedFrom: z.string().max(60).optional(),
  updatedAt: Instant,
});
export type MentoringProgramme = z.infer<typeof MentoringProgramme>;

/** A person (or everyone on a pathway, expanded when read) following a programme from an academic year. */
export const ProgrammeAssignment = z.object({
  tenantId: Id,
  /** `programmeAssignmentId(menteeId, programmeId, firstYear)`. */
  id: Id,
  menteeId: Id,
  programmeId: Id,
  /** The academic year it starts in, e.g. "2026-27". */
  firstYear: z.string().regex(/^\d{4}-\d{2}$/),
  assignedBy: Id,
  assignedAt: Instant,
  endedOn: LocalDate.optional(),
  /** Made for someone who joined the pathway after the lead assigned it (a `PathwayAssignment` id). */
  viaPathway: Id.optional(),
  /** The Monday of the week they joined: no meeting before it is planned, however often it is assigned again. */
  plannedFrom: LocalDate.optional(),
});
export type ProgrammeAssignment = z.infer<typeof ProgrammeAssignment>;

export function programmeAssignmentId(menteeId: string, programmeId: string, firstYear: string): string {
  return deterministicId('massign', menteeId, programmeId, firstYear);
}

export const AgreedAction = z.object({
  id: Id,
  text: z.string().trim().min(1).max(500),
  dueOn: LocalDate,
  doneAt: Instant.optional(),
});
export type AgreedAction = z.infer<typeof AgreedAction>;

/** What the mentor records after a meeting. */
export const MeetingRecord = z.object({
  heldOn: LocalDate,
  focus: z.string().trim().min(1).max(300),
  wentWell: z.string().trim().max(2000).default(''),
  actions: z.array(AgreedAction).max(10).default([]),
  nextMeetingOn: LocalDate.optional(),
  /** Minutes spent, counted on the mentee's CPD record as coaching / mentoring. */
  minutes: z.number().int().min(5).max(480).default(60),
  recordedBy: Id,
  recordedAt: Instant,
});
export type MeetingRecord = z.infer<typeof MeetingRecord>;

export const MeetingMove = z.object({
  fromWeekStart: LocalDate,
  toWeekStart: LocalDate,
  reason: z.string().trim().min(1).max(300),
  movedBy: Id,
  movedAt: Instant,
});
export type MeetingMove = z.infer<typeof MeetingMove>;

/** One planned meeting of an assignment: reminded in its week, then recorded, reflected on, or moved. */
export const MentoringMeeting = z.object({
  tenantId: Id,
  /** `mentoringMeetingId(assignmentId, itemKey)`. */
  id: Id,
  assignmentId: Id,
  menteeId: Id,
  /** The mentor holding it, from the mentee's link in `with` when the meeting was planned. */
  mentorId: Id.optional(),
  with: MentorRole,
  itemKey: z.string(),
  kind: ProgrammeItemKind,
  focus: z.string().max(300),
  /** The Monday of the school week it falls due (after any move). */
  weekStart: LocalDate,
  status: z.enum(['planned', 'held', 'cancelled']),
  moves: z.array(MeetingMove).max(20).default([]),
  record: MeetingRecord.optional(),
  /** The mentee's reflection on a held meeting. */
  reflection: z.object({ text: z.string().trim().min(1).max(2000), at: Instant }).optional(),
  updatedAt: Instant,
});
export type MentoringMeeting = z.infer<typeof MentoringMeeting>;

export function mentoringMeetingId(assignmentId: string, itemKey: string): string {
  return deterministicId('mmeet', assignmentId, itemKey);
}

export const ReviewOutcome = z.enum(['on-track', 'some-concerns', 'at-risk']);
export type ReviewOutcome = z.infer<typeof ReviewOutcome>;

/** An early-career teacher's termly progress review. */
export const ProgressReview = z.object({
  tenantId: Id,
  /** `progressReviewId(menteeId, year, term)`. */
  id: Id,
  menteeId: Id,
  year: z.string().regex(/^\d{4}-\d{2}$/),
  term: z.number().int().min(1).max(3),
  outcome: ReviewOutcome,
  summary: z.string().trim().min(1).max(3000),
  recordedBy: Id,
  recordedAt: Instant,
});
export type ProgressReview = z.infer<typeof ProgressReview>;

export function progressReviewId(menteeId: string, year: string, term: number): string {
  return deterministicId('preview', menteeId, year, String(term));
}
