import { CATEGORY_LABELS, KIND_LABELS, type SessionCategory, type SessionKind } from '../../domain';
import { AUDIENCE_KIND_CHOICES } from './audience-choices';
import type { SessionFormView } from '../views/session-form';

/**
 * The new-session form's fields, shared by the Teams card and the Slack modal so both ask the
 * same questions with the same ids (the ids are SessionFormInput's keys in src/app/session-form.ts).
 * Only the time fields differ: Teams has a date and two times, Slack a date-time and a length.
 */
export interface SessionFormField {
  id: string;
  label: string;
  input: 'text' | 'long-text' | 'choice' | 'toggle';
  required?: boolean;
  maxLength?: number;
  placeholder?: string;
  choices?: [value: string, label: string][];
}

const CATEGORY_CHOICES = Object.entries(CATEGORY_LABELS) as [SessionCategory, string][];
const KIND_CHOICES = Object.entries(KIND_LABELS) as [SessionKind, string][];

/** Before the time fields. */
export const SESSION_FORM_HEAD: SessionFormField[] = [
  { id: 'title', label: 'Title', input: 'text', required: true, maxLength: 200 },
  { id: 'category', label: 'Category', input: 'choice', required: true, choices: CATEGORY_CHOICES },
  { id: 'kind', label: 'Kind', input: 'choice', required: true, choices: KIND_CHOICES },
];

/** After the time fields. The follow-up choice is added per form from the upcoming sessions. */
export function sessionFormTail(view: Pick<SessionFormView, 'followUpOptions' | 'schools' | 'questionnaireTemplates' | 'statutoryTopics'>): SessionFormField[] {
  const topics = view.statutoryTopics ?? [];
  const templates = view.questionnaireTemplates ?? [];
  const schoolHint = view.schools.length > 0 ? ` Schools: ${view.schools.map((s) => s.name).join(', ')}.` : '';
  return [
    { id: 'place', label: 'Place', input: 'text', maxLength: 200, placeholder: 'e.g. Library, Huntingdon Academy' },
    { id: 'meetingUrl', label: 'Meeting link (https)', input: 'text', maxLength: 500 },
    { id: 'description', label: 'Description', input: 'long-text', maxLength: 2000 },
    { id: 'audienceKind', label: 'Who is invited', input: 'choice', required: true, choices: AUDIENCE_KIND_CHOICES.map((c): [string, string] => [c.value, c.label]) },
    {
      id: 'audienceValue',
      label: 'Which school, pathway, department or people',
      input: 'text',
      maxLength: 5000,
      placeholder: `Leave empty for the whole trust. For people, e-mails separated by commas.${schoolHint}`,
    },
    { id: 'capacity', label: 'Places (leave empty for no limit)', input: 'text', maxLength: 5, placeholder: 'No limit' },
    { id: 'facilitators', label: 'Facilitators (e-mails, separated by commas): they take the register and see its report', input: 'text', maxLength: 2000, placeholder: 'e.g. dawn.cooper@school.example' },
    { id: 'provider', label: 'Provider (leave empty when run in-house by its facilitators)', input: 'text', maxLength: 200, placeholder: 'e.g. Fenland English Hub' },
    { id: 'cost', label: 'Cost besides facilitator time (£)', input: 'text', maxLength: 12, placeholder: 'e.g. 350 for a speaker; empty for none' },
    { id: 'compulsory', label: 'Everyone in the audience must attend', input: 'toggle' },
    { id: 'intent', label: 'Gap task: the intent', input: 'long-text', maxLength: 2000, placeholder: 'What should change in classrooms after this session?' },
    { id: 'gapTask', label: 'Gap task: what to do before the follow-up', input: 'long-text', maxLength: 2000 },
    ...(templates.length > 1
      ? [{ id: 'questionnaireTemplateId', label: 'Reaction questionnaire', input: 'choice' as const, required: true, choices: templates.map((t): [string, string] => [t.id, t.name.slice(0, 75)]) }]
      : []),
    { id: 'impactWeeks', label: 'Impact follow-up: school weeks after the last session (yes: the school\'s usual; empty: none)', input: 'text', maxLength: 3, placeholder: 'e.g. 6, or yes' },
    ...(topics.length > 0
      ? [{ id: 'statutoryTopic', label: 'Statutory training it covers (attendance renews the record)', input: 'choice' as const, choices: topics.map((t): [string, string] => [t, t.slice(0, 75)]) }]
      : []),
    ...(view.followUpOptions.length > 0
      ? [{ id: 'followUpSessionId', label: 'Follow-up session', input: 'choice' as const, choices: view.followUpOptions.map((o): [string, string] => [o.sessionId, o.label]) }]
      : []),
  ];
}
