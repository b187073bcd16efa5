import { LIKERT_CHOICES, type Question } from '../../domain';
import { compact, fieldError, type AdaptiveElement } from './elements';
import type { InputChoiceSet, InputText } from './schema';

type Value = string | string[] | undefined;

function asCardValue(value: Value): string | undefined {
  if (value === undefined) return undefined;
  // A multi-select's value is "a,b" in Adaptive Cards.
  return Array.isArray(value) ? value.join(',') : value;
}

/** An input before it is given the question's id, label and kept value. */
type Unlabelled<T> = Omit<T, 'id'>;

function choiceSet(q: Question, choices: readonly { value: string; label: string }[], extra: Partial<InputChoiceSet> = {}): Unlabelled<InputChoiceSet> {
  return { type: 'Input.ChoiceSet', style: 'expanded', choices: choices.map((c) => ({ title: c.label, value: c.value })), ...extra };
}

function ratingChoices(q: Extract<Question, { kind: 'rating' }>): { value: string; label: string }[] {
  return [1, 2, 3, 4, 5].map((n) => ({
    value: String(n),
    label: n === 1 ? `1 · ${q.lowLabel}` : n === 5 ? `5 · ${q.highLabel}` : String(n),
  }));
}

function inputFor(q: Question): Unlabelled<InputChoiceSet> | Unlabelled<InputText> {
  switch (q.kind) {
    case 'rating':
      return choiceSet(q, ratingChoices(q));
    case 'yes-no':
      return choiceSet(q, [
        { value: 'yes', label: 'Yes' },
        { value: 'no', label: 'No' },
      ]);
    case 'likert':
      return choiceSet(q, LIKERT_CHOICES);
    case 'single':
      // Long lists fold into a drop-down so the card stays short on a phone.
      return choiceSet(q, q.choices, q.choices.length > 5 ? { style: 'compact', placeholder: 'Choose one' } : {});
    case 'multi':
      return choiceSet(q, q.choices, { isMultiSelect: true });
    case 'text':
      return { type: 'Input.Text', isMultiline: q.multiline, maxLength: q.maxLength, placeholder: q.multiline ? 'Type here' : undefined };
  }
}

/** One question: its input (labelled, with the person's value kept) and, if rejected, the reason below it. */
export function questionInput(q: Question, value: Value, error: string | undefined): AdaptiveElement[] {
  const input: InputChoiceSet | InputText = { ...inputFor(q), id: q.id, label: q.prompt, isRequired: q.required, errorMessage: 'Please answer this question.' };
  const kept = asCardValue(value);
  if (kept !== undefined) input.value = kept;
  if (input.placeholder === undefined) delete input.placeholder;
  return compact([input, error !== undefined && fieldError(error)]);
}
