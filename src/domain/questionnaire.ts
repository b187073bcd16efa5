import { z } from 'zod';
import { Id, Instant } from './ids';
import { Audience } from './session';

const QuestionBase = {
  id: z.string().regex(/^[a-z][a-z0-9_]{0,39}$/, 'question ids are lower-case letters, digits and _'),
  // 400: the longest staff audit statement (docs/surveys.md) is 337 characters, kept word for word.
  prompt: z.string().trim().min(1).max(400),
  required: z.boolean().default(true),
  /** A heading shown above the question where it changes, e.g. the areas of the staff audit. */
  section: z.string().trim().min(1).max(100).optional(),
};

const Choice = z.object({ value: z.string().regex(/^[a-z0-9_-]{1,40}$/), label: z.string().trim().min(1).max(75) });

export const LIKERT_CHOICES = [
  { value: 'strongly-agree', label: 'Strongly agree' },
  { value: 'agree', label: 'Agree' },
  { value: 'disagree', label: 'Disagree' },
  { value: 'strongly-disagree', label: 'Strongly disagree' },
  { value: 'dont-know', label: "Don't know" },
] as const;

export const Question = z.discriminatedUnion('kind', [
  z.object({
    ...QuestionBase,
    kind: z.literal('rating'),
    /** Ratings run 1..5; the labels name the two ends. */
    lowLabel: z.string().max(40).default('Poor'),
    highLabel: z.string().max(40).default('Excellent'),
  }),
  z.object({ ...QuestionBase, kind: z.literal('single'), choices: z.array(Choice).min(2).max(20) }),
  z.object({ ...QuestionBase, kind: z.literal('multi'), choices: z.array(Choice).min(2).max(20) }),
  z.object({ ...QuestionBase, kind: z.literal('yes-no') }),
  z.object({ ...QuestionBase, kind: z.literal('likert') }),
  z.object({
    ...QuestionBase,
    kind: z.literal('text'),
    maxLength: z.number().int().min(1).max(3000).default(1000),
    multiline: z.boolean().default(true),
  }),
]);
export type Question = z.infer<typeof Question>;
export type QuestionInput = z.input<typeof Question>;

const Questions = z
  .array(Question)
  .min(1)
  .max(30)
  .refine((qs) => new Set(qs.map((q) => q.id)).size === qs.length, 'question ids must be unique');

export const QuestionnaireTemplate = z.object({
  tenantId: Id,
  id: Id,
  name: z.string().trim().min(1).max(200),
  purpose: z.enum(['reaction', 'survey']).default('reaction'),
  anonymous: z.boolean().default(false),
  questions: Questions,
});
export type QuestionnaireTemplate = z.infer<typeof QuestionnaireTemplate>;
export type QuestionnaireTemplateInput = z.input<typeof QuestionnaireTemplate>;

/**
 * One questionnaire sent out: the reaction questionnaire of a session, or a one-off survey.
 * The questions are copied from the template so later template edits change no open form.
 */
export const Questionnaire = z.object({
  tenantId: Id,
  id: Id,
  title: z.string().trim().min(1).max(200),
  purpose: z.enum(['reaction', 'survey']),
  sessionId: Id.optional(),
  templateId: Id.optional(),
  anonymous: z.boolean(),
  questions: Questions,
  opensAt: Instant,
  closesAt: Instant,
  /** For surveys: who is asked (for reactions, the session's attendees). */
  recipientIds: z.array(Id).max(20000).optional(),
  /** For surveys: who is asked, resolved while it is open, so staff who join later are asked too. */
  audience: Audience.optional(),
  closedEarlyAt: Instant.optional(),
});
export type Questionnaire = z.infer<typeof Questionnaire>;
export type QuestionnaireInput = z.input<typeof Questionnaire>;

export function isOpen(q: Pick<Questionnaire, 'opensAt' | 'closesAt' | 'closedEarlyAt'>, now: Date): boolean {
  const t = now.toISOString();
  return q.opensAt <= t && t < q.closesAt && q.closedEarlyAt === undefined;
}

/** Level 1 "Participants' reactions" (docs/policy-sources.md): satisfaction, expected impact, further CPD, comments. */
export const DEFAULT_REACTION_QUESTIONS: QuestionInput[] = [
  { id: 'quality', kind: 'rating', prompt: 'How would you rate the quality of this session?', lowLabel: 'Poor', highLabel: 'Excellent' },
  {
    id: 'impact',
    kind: 'rating',
    prompt: 'How much impact do you think it will have on your practice?',
    lowLabel: 'None',
    highLabel: 'A great deal',
  },
  { id: 'further_cpd', kind: 'yes-no', prompt: 'Would further or related CPD help you?' },
  {
    id: 'further_cpd_topic',
    kind: 'text',
    prompt: 'If so, on what?',
    required: false,
    maxLength: 500,
    multiline: false,
  },
  { id: 'comments', kind: 'text', prompt: 'Any other comments?', required: false, maxLength: 2000, multiline: true },
];

export const DEFAULT_REACTION_TEMPLATE_ID = 'tpl-reaction-default';

export function defaultReactionTemplate(tenantId: string): QuestionnaireTemplate {
  return QuestionnaireTemplate.parse({
    tenantId,
    id: DEFAULT_REACTION_TEMPLATE_ID,
    name: 'Reaction questionnaire (level 1)',
    purpose: 'reaction',
    anonymous: false,
    questions: DEFAULT_REACTION_QUESTIONS,
  });
}
