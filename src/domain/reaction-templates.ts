import { DEFAULT_REACTION_TEMPLATE_ID, defaultReactionTemplate, QuestionnaireTemplate, type QuestionInput } from './questionnaire';

export const LEARNING_ACTIONS_TEMPLATE_ID = 'tpl-reaction-learning-actions';

/**
 * The questions some trusts' CPD policies ask after every activity: what participants learned,
 * how they will use it, and what they will do straight away; quality and impact ratings are kept
 * (same ids as the default) so reports can compare sessions whichever form they used.
 */
export const LEARNING_ACTIONS_QUESTIONS: QuestionInput[] = [
  { id: 'quality', kind: 'rating', prompt: 'How would you rate the quality of this session?', lowLabel: 'Poor', highLabel: 'Excellent' },
  { id: 'learned', kind: 'text', prompt: 'What did you learn?', maxLength: 2000, multiline: true },
  { id: 'use', kind: 'text', prompt: 'How will you use it in your work?', maxLength: 2000, multiline: true },
  { id: 'actions', kind: 'text', prompt: 'What immediate actions will you take?', maxLength: 2000, multiline: true },
  { id: 'impact', kind: 'rating', prompt: 'How much impact do you think it will have on your practice?', lowLabel: 'None', highLabel: 'A great deal' },
  { id: 'further_cpd', kind: 'yes-no', prompt: 'Would further or related CPD help you?' },
  { id: 'comments', kind: 'text', prompt: 'Any other comments?', required: false, maxLength: 2000, multiline: true },
];

/** The reaction questionnaires every tenant has: today's default, and "learning and actions". */
export function builtInReactionTemplates(tenantId: string): QuestionnaireTemplate[] {
  return [
    defaultReactionTemplate(tenantId),
    QuestionnaireTemplate.parse({
      tenantId,
      id: LEARNING_ACTIONS_TEMPLATE_ID,
      name: 'Learning and actions (what you learned, how you will use it, immediate actions)',
      purpose: 'reaction',
      anonymous: false,
      questions: LEARNING_ACTIONS_QUESTIONS,
    }),
  ];
}

/**
 * The template a session's questionnaire is made from: the one the session names, else the
 * tenant's own version of the default (a lead who imported a changed default gets it), else the
 * built-in default. Stored templates win over built-in ones of the same id.
 */
export function reactionTemplateFor(tenantId: string, stored: readonly QuestionnaireTemplate[], chosenId: string | undefined): QuestionnaireTemplate {
  const reactions = stored.filter((t) => t.purpose === 'reaction');
  const all = [...reactions, ...builtInReactionTemplates(tenantId)];
  return (chosenId ? all.find((t) => t.id === chosenId) : undefined) ?? all.find((t) => t.id === DEFAULT_REACTION_TEMPLATE_ID)!;
}
