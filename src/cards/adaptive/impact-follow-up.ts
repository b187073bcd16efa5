import { APPLIED_CHOICES, EVIDENCE_CHOICES, IMPACT_MANAGER_LABELS, IMPACT_PERSON_LABELS } from '../wording/impact-follow-up';
import type { ImpactFollowUpView } from '../views/impact-follow-up';
import type { CardContent } from './card-content';
import { compact, execute, facts, fieldError, heading, noticeBox, subtle, text, type AdaptiveElement } from './elements';

function withError(view: ImpactFollowUpView, input: AdaptiveElement, id: string): AdaptiveElement[] {
  const error = view.errors?.[id];
  return compact([input, error !== undefined && fieldError(error)]);
}

const choices = (list: readonly { value: string; label: string }[]) => list.map((c) => ({ title: c.label, value: c.value }));

function personInputs(view: ImpactFollowUpView): AdaptiveElement[] {
  const v = (id: string) => (view.values?.[id] !== undefined ? { value: view.values[id] } : {});
  return [
    ...withError(view, { type: 'Input.ChoiceSet', id: 'applied', label: IMPACT_PERSON_LABELS.applied, style: 'expanded', isRequired: true, errorMessage: 'Choose one.', choices: choices(APPLIED_CHOICES), ...v('applied') }, 'applied'),
    ...withError(view, { type: 'Input.Text', id: 'how', label: IMPACT_PERSON_LABELS.how, isMultiline: true, isRequired: true, errorMessage: 'Please fill this in.', maxLength: 2000, ...v('how') }, 'how'),
    ...withError(view, { type: 'Input.Text', id: 'pupilChange', label: IMPACT_PERSON_LABELS.pupilChange, isMultiline: true, isRequired: true, errorMessage: 'Please fill this in.', maxLength: 2000, ...v('pupilChange') }, 'pupilChange'),
    ...withError(view, { type: 'Input.ChoiceSet', id: 'evidence', label: IMPACT_PERSON_LABELS.evidence, isMultiSelect: true, style: 'expanded', isRequired: true, errorMessage: 'Choose at least one.', choices: choices(EVIDENCE_CHOICES), ...v('evidence') }, 'evidence'),
  ];
}

export function impactFollowUpCard(view: ImpactFollowUpView): CardContent {
  const isManager = view.stage === 'manager';
  const open = view.state === 'open';
  return {
    body: compact([
      heading(isManager ? `Impact of CPD: ${view.personName ?? 'your team member'}` : 'What difference has it made?'),
      subtle(`${view.sessionTitle} · ${view.whenText}`),
      view.notice && noticeBox(view.notice),
      isManager && view.personAnswer && facts(view.personAnswer),
      !open && text('Saved. Thank you.'),
      ...(open ? (isManager ? withError(view, { type: 'Input.Text', id: 'view', label: IMPACT_MANAGER_LABELS.view, isMultiline: true, isRequired: true, errorMessage: 'Please fill this in.', maxLength: 2000, ...(view.values?.view !== undefined ? { value: view.values.view } : {}) }, 'view') : personInputs(view)) : []),
    ]),
    ...(open ? { actions: [execute('Send', 'impact.submit', { impactFollowUpId: view.impactFollowUpId }, { style: 'positive', withInputs: true })] } : {}),
    refreshWith: { impactFollowUpId: view.impactFollowUpId },
    summary: `Impact follow-up: ${view.sessionTitle}`,
  };
}
