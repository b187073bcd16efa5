import { LIKERT_CHOICES, type Question, type Questionnaire } from './questionnaire';
import type { Answers, AnswerValue } from './response';
import { parseCount } from './typed-values';

export type FieldErrors = Record<string, string>;
export type AnswerCheck = { ok: true; answers: Answers } | { ok: false; errors: FieldErrors };

/** What a card or modal sends: strings (Adaptive Cards, Slack), string lists, or typed values. */
export type RawAnswers = Record<string, unknown>;

function asText(raw: unknown): string | undefined {
  if (raw === undefined || raw === null) return undefined;
  if (typeof raw === 'string') return raw.trim() === '' ? undefined : raw.trim();
  if (typeof raw === 'number' || typeof raw === 'boolean') return String(raw);
  return undefined;
}

function asList(raw: unknown): string[] | undefined {
  if (raw === undefined || raw === null || raw === '') return undefined;
  // Adaptive Cards send a multi-select as "a,b"; Slack and tests send arrays.
  if (typeof raw === 'string') return raw.split(',').map((s) => s.trim()).filter(Boolean);
  if (Array.isArray(raw) && raw.every((v) => typeof v === 'string')) return raw as string[];
  return undefined;
}

function checkOne(q: Question, raw: unknown): { value?: AnswerValue; error?: string } {
  switch (q.kind) {
    case 'rating': {
      const text = asText(raw);
      if (text === undefined) return {};
      const n = parseCount(text, { min: 1, max: 5 });
      return n.ok ? { value: n.value } : { error: 'Choose a rating from 1 to 5.' };
    }
    case 'yes-no': {
      const text = asText(raw)?.toLowerCase();
      if (text === undefined) return {};
      if (text === 'yes' || text === 'true') return { value: true };
      if (text === 'no' || text === 'false') return { value: false };
      return { error: 'Answer yes or no.' };
    }
    case 'single':
    case 'likert': {
      const text = asText(raw);
      if (text === undefined) return {};
      const allowed = q.kind === 'likert' ? LIKERT_CHOICES.map((c) => c.value as string) : q.choices.map((c) => c.value);
      return allowed.includes(text) ? { value: text } : { error: 'Choose one of the options given.' };
    }
    case 'multi': {
      if (raw !== undefined && raw !== null && raw !== '' && asList(raw) === undefined) {
        return { error: 'Choose from the options given.' };
      }
      const list = asList(raw);
      if (list === undefined || list.length === 0) return {};
      const allowed = new Set(q.choices.map((c) => c.value));
      if (!list.every((v) => allowed.has(v))) return { error: 'Choose from the options given.' };
      return { value: [...new Set(list)] };
    }
    case 'text': {
      if (raw !== undefined && raw !== null && typeof raw !== 'string') return { error: 'Answer in words.' };
      const text = asText(raw);
      if (text === undefined) return {};
      if (text.length > q.maxLength) {
        return { error: `Keep this to ${q.maxLength} characters (you wrote ${text.length}).` };
      }
      return { value: text };
    }
  }
}

/** Checks raw answers against the questionnaire's questions; unknown keys are ignored. */
export function checkAnswers(questionnaire: Pick<Questionnaire, 'questions'>, raw: RawAnswers): AnswerCheck {
  const answers: Answers = {};
  const errors: FieldErrors = {};
  for (const q of questionnaire.questions) {
    const { value, error } = checkOne(q, raw[q.id]);
    if (error) errors[q.id] = error;
    else if (value === undefined && q.required) errors[q.id] = 'Please answer this question.';
    else if (value !== undefined) answers[q.id] = value;
  }
  return Object.keys(errors).length > 0 ? { ok: false, errors } : { ok: true, answers };
}
