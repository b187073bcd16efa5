import { audienceKey } from './audience';
import { deterministicId } from './ids';
import { QuestionnaireTemplate, type QuestionInput } from './questionnaire';
import type { Audience } from './session';

/**
 * The staff audit of CPD (docs/surveys.md): each statement word for word (the policy's own
 * spelling), answered Strongly agree … Don't know, grouped by the policy's areas, then one comment.
 * The policy has a comment column per row; one closing comment keeps the form short in a chat.
 */
const AREAS: { area: string; statements: [string, string][] }[] = [
  {
    area: 'Improving pupil outcomes',
    statements: [
      [
        'purpose_helps_pupils',
        'I believe that the main purpose of CPD is to help me help pupils. There are clear links between activities and intended outcomes and provide me with tools to help me change my practice and evaluate its impact.',
      ],
      ['performance_management', 'I feel that Performance Management serves to evaluate my practice, and also supports me developmentally.'],
    ],
  },
  {
    area: 'Underpinned by robust evidence and expertise',
    statements: [
      ['evidence_based', 'CPD and any related processes in school are underpinned by evidence based research'],
      ['engage_in_research', 'I engage in research to draw on the evidence base linking pedagogy with subject knowledge.'],
    ],
  },
  {
    area: 'Sustained over time',
    statements: [
      [
        'connected_activities',
        'High quality Professional development is planned for forming a series of connected activities, which are sustained for at least two terms, with clarity about intended outcomes and evaluation.',
      ],
      [
        'rhythm_of_support',
        'CPD activities are part of a programme with activities and follow up activities creating a rhythm of on-going support and review. I feel that my CPD across a school year is focussed and specific, allowing me to make iterative (repetition of a process / doing something again and again to improve it) and sustained changes in my practice.',
      ],
    ],
  },
  {
    area: 'Collaboration and expert challenge',
    statements: [
      ['analyse_pupil_needs', 'I feel supported to analyse the needs of my pupils to inform the school’s CPD.'],
      ['critical_friend', 'I work with other colleagues regularly, acting in a critical friend role.'],
      ['coaching_mentoring', 'I make use of support from a coaching or mentoring role to model and challenge.'],
    ],
  },
  {
    area: 'Prioritised by school leadership',
    statements: [
      [
        'time_and_resources',
        'I am given the time, support and resources to embed and evaluate any work and professional learning I do with external expertise (e.g. external course, Teaching School, consultant, piece of research)',
      ],
    ],
  },
];

export const STAFF_AUDIT_QUESTIONS: QuestionInput[] = [
  ...AREAS.flatMap(({ area, statements }) =>
    statements.map(([id, prompt]): QuestionInput => ({ id, kind: 'likert', prompt, section: area, required: true })),
  ),
  { id: 'comments', kind: 'text', prompt: 'Any comments on CPD in school?', required: false, maxLength: 2000, multiline: true },
];

export const STAFF_AUDIT_TEMPLATE_ID = 'tpl-staff-audit';

export function staffAuditTemplate(tenantId: string): QuestionnaireTemplate {
  return QuestionnaireTemplate.parse({
    tenantId,
    id: STAFF_AUDIT_TEMPLATE_ID,
    name: 'Staff audit of CPD',
    purpose: 'survey',
    // The lead chooses when sending; anonymous is the safer default for an audit of leadership.
    anonymous: true,
    questions: STAFF_AUDIT_QUESTIONS,
  });
}

/** The survey templates every tenant has without setting anything up. */
export function builtInSurveyTemplates(tenantId: string): QuestionnaireTemplate[] {
  return [staffAuditTemplate(tenantId)];
}

/**
 * A survey is one template sent to one audience until one day: sending the same form again
 * (a double press, a retried request) lands on the same questionnaire.
 */
export function surveyQuestionnaireId(templateId: string, audience: Audience, closesOn: string): string {
  return deterministicId('srv', templateId, audienceKey(audience), closesOn);
}
