import { z } from 'zod';
import { deterministicId, Id, Instant } from './ids';
import { Pathway } from './staff';

/** Categories used in the trust programmes: teaching & learning, pastoral, technology, leadership. */
export const SessionCategory = z.enum(['TL', 'P', 'Tech', 'LD']);
export type SessionCategory = z.infer<typeof SessionCategory>;

export const SessionKind = z.enum(['twilight', 'inset', 'voluntary', 'ect', 'external']);
export type SessionKind = z.infer<typeof SessionKind>;

export const Audience = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('trust') }),
  z.object({ kind: z.literal('school'), schoolId: Id }),
  z.object({ kind: z.literal('pathway'), pathway: Pathway }),
  z.object({ kind: z.literal('department'), department: z.string().trim().min(1).max(100) }),
  z.object({ kind: z.literal('staff'), staffIds: z.array(Id).min(1).max(5000) }),
]);
export type Audience = z.infer<typeof Audience>;

export const SessionLocation = z
  .object({
    place: z.string().trim().max(200).optional(),
    meetingUrl: z.url({ protocol: /^https$/, message: 'a meeting link must be an https URL' }).optional(),
  })
  .refine((l) => l.place !== undefined || l.meetingUrl !== undefined, 'give a place, a meeting link or both');

export const GapTaskBrief = z.object({
  /** The facilitator's "Pre-training: Intent" (docs/policy-sources.md). */
  intent: z.string().trim().min(1).max(2000),
  /** The gap task the participants carry out between this session and its follow-up. */
  task: z.string().trim().min(1).max(2000),
});
export type GapTaskBrief = z.infer<typeof GapTaskBrief>;

export const SessionStatus = z.enum(['draft', 'published', 'cancelled']);

export const Session = z
  .object({
    tenantId: Id,
    id: Id,
    title: z.string().trim().min(1).max(200),
    description: z.string().trim().max(2000).optional(),
    category: SessionCategory,
    kind: SessionKind,
    schoolId: Id.optional(),
    facilitatorIds: z.array(Id).max(20).default([]),
    externalFacilitator: z.string().trim().max(200).optional(),
    /**
     * Who provides the session (issue 26 item 7): an outside organisation, a hub, or an in-house
     * team; absent: its external facilitator, else its facilitators (docs/evaluation.md, "Providers").
     */
    provider: z.string().trim().min(1).max(200).optional(),
    /** What the session itself cost (a speaker's fee, room, materials), in pence, besides facilitator time. */
    costPence: z.number().int().min(0).max(10_000_000).optional(),
    startsAt: Instant,
    endsAt: Instant,
    location: SessionLocation,
    capacity: z.number().int().min(1).max(10000).optional(),
    audience: Audience,
    /** Compulsory twilights remind the whole audience, not only those who said yes. */
    compulsory: z.boolean().default(false),
    seriesId: Id.optional(),
    followUpSessionId: Id.optional(),
    gapTask: GapTaskBrief.optional(),
    /** The lead's mark: ask attendees about impact this many school weeks after the series' last session. */
    /** The statutory topic attending renews (a required topic's name, issue 26 item 2): marking attendance renews the record. */
    statutoryTopic: z.string().trim().min(1).max(100).optional(),
    impactFollowUp: z.object({ weeksAfter: z.number().int().min(1).max(26).default(6) }).optional(),
    /** The reaction questionnaire's template; absent means the tenant's default reaction template. */
    questionnaireTemplateId: Id.optional(),
    status: SessionStatus.default('draft'),
    publishedAt: Instant.optional(),
    cancelledAt: Instant.optional(),
    /** Bumped on every change of time or place, so "session changed" messages get a fresh id. */
    revision: z.number().int().min(0).default(0),
    createdBy: Id.optional(),
    /**
     * A booked external course (issue 26): its request, the CPD hours its dates and times give
     * (a three-day course is three days of hours, not the 50 from its first morning to its last
     * afternoon) and what it cost, for the person's record.
     */
    externalCourse: z.object({ requestId: Id, hours: z.number().min(0.25).max(200), costPence: z.number().int().min(0) }).optional(),
  })
  .refine((s) => s.startsAt < s.endsAt, { message: 'a session must end after it starts', path: ['endsAt'] });
export type Session = z.infer<typeof Session>;
export type SessionInput = z.input<typeof Session>;

export const CATEGORY_LABELS: Record<SessionCategory, string> = {
  TL: 'Teaching & learning',
  P: 'Pastoral',
  Tech: 'Technology',
  LD: 'Leadership development',
};

export const KIND_LABELS: Record<SessionKind, string> = {
  twilight: 'Twilight',
  inset: 'INSET day',
  voluntary: 'Voluntary session',
  ect: 'ECT programme',
  external: 'External course',
};

/** The same title at the same start is the same session: a re-submitted form or re-imported row changes nothing. */
export function sessionIdFor(title: string, startsAt: string): string {
  return deterministicId('ses', title.trim().toLowerCase(), startsAt);
}
