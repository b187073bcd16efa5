import { stringify } from 'csv-stringify/sync';
import { LIKERT_CHOICES, type AnswerValue, type Question, type Questionnaire } from '../domain';
import type { ReportDeps } from '../reports/report-deps';

function answerText(question: Question | undefined, value: AnswerValue | undefined): string {
  if (value === undefined) return '';
  if (Array.isArray(value)) return value.join('; ');
  if (typeof value === 'boolean') return value ? 'Yes' : 'No';
  if (question?.kind === 'likert') return LIKERT_CHOICES.find((c) => c.value === value)?.label ?? String(value);
  if (question && (question.kind === 'single' || question.kind === 'multi')) {
    return question.choices.find((c) => c.value === value)?.label ?? String(value);
  }
  return String(value);
}

/**
 * Two files, never one: named answers (with who gave them) and anonymous answers, whose file
 * has no person column at all, only a random response id and the day. One row per answer,
 * so questionnaires with different questions share the same columns.
 */
export async function exportResponsesCsv(deps: ReportDeps, tenantId: string): Promise<{ named: string; anonymous: string }> {
  const { store } = deps;
  const questionnaires = new Map((await store.questionnaires.find(tenantId)).map((v) => [v.value.id, v.value]));
  const sessions = new Map((await store.sessions.find(tenantId)).map((v) => [v.value.id, v.value]));
  const staff = new Map((await store.staff.find(tenantId)).map((v) => [v.value.id, v.value]));
  const describe = (q: Questionnaire | undefined, questionId: string) => {
    const question = q?.questions.find((x) => x.id === questionId);
    const session = q?.sessionId ? sessions.get(q.sessionId) : undefined;
    return { question, title: q?.title ?? '', session: session?.title ?? '', date: session?.startsAt.slice(0, 10) ?? '' };
  };

  const named: string[][] = [];
  const byTime = (await store.responses.find(tenantId)).map((v) => v.value).sort((a, b) => a.submittedAt.localeCompare(b.submittedAt) || a.id.localeCompare(b.id));
  for (const r of byTime) {
    const q = questionnaires.get(r.questionnaireId);
    const person = staff.get(r.respondentId);
    for (const [questionId, value] of Object.entries(r.answers)) {
      const d = describe(q, questionId);
      named.push([r.questionnaireId, d.title, d.session, d.date, person?.name ?? '', person?.email ?? '', r.submittedAt, questionId, d.question?.prompt ?? '', answerText(d.question, value)]);
    }
  }
  const anonymous: string[][] = [];
  // Ordered by questionnaire then random id: never by insertion, which could be matched to receipts.
  const shuffled = (await store.anonymousResponses.find(tenantId)).map((v) => v.value).sort((a, b) => a.questionnaireId.localeCompare(b.questionnaireId) || a.id.localeCompare(b.id));
  for (const r of shuffled) {
    const q = questionnaires.get(r.questionnaireId);
    for (const [questionId, value] of Object.entries(r.answers)) {
      const d = describe(q, questionId);
      anonymous.push([r.questionnaireId, d.title, d.session, d.date, r.id, r.submittedOn, questionId, d.question?.prompt ?? '', answerText(d.question, value)]);
    }
  }
  return {
    named: stringify(named, {
      header: true,
      columns: ['questionnaire_id', 'questionnaire', 'session', 'session_date', 'respondent', 'respondent_email', 'submitted_at', 'question_id', 'question', 'answer'],
    }),
    anonymous: stringify(anonymous, {
      header: true,
      columns: ['questionnaire_id', 'questionnaire', 'session', 'session_date', 'response_id', 'submitted_on', 'question_id', 'question', 'answer'],
    }),
  };
}
