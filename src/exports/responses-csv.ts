import type { Writable } from 'node:stream';
import { LIKERT_CHOICES, type AnswerValue, type Question, type Questionnaire } from '../domain';
import type { ReportDeps } from '../app/reports';
import { textSink, writeCsv } from './csv-stream';

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

const NAMED_COLUMNS = ['questionnaire_id', 'questionnaire', 'session', 'session_date', 'respondent', 'respondent_email', 'submitted_at', 'question_id', 'question', 'answer'];
const ANONYMOUS_COLUMNS = ['questionnaire_id', 'questionnaire', 'session', 'session_date', 'response_id', 'submitted_on', 'question_id', 'question', 'answer'];

/**
 * Two files, never one: named answers (with who gave them) and anonymous answers, whose file
 * has no person column at all, only a random response id and the day. One row per answer,
 * so questionnaires with different questions share the same columns. Answers are read a page at a
 * time and written as they come (`iterate`), so years of answers never sit in memory; the people,
 * sessions and questionnaires they refer to are read whole (they grow with the school, not with time).
 */
export async function writeResponsesCsv(deps: ReportDeps, tenantId: string, sinks: { named: Writable; anonymous: Writable }): Promise<void> {
  const { store } = deps;
  const questionnaires = new Map((await store.questionnaires.find(tenantId)).map((v) => [v.value.id, v.value]));
  const sessions = new Map((await store.sessions.find(tenantId)).map((v) => [v.value.id, v.value]));
  const staff = new Map((await store.staff.find(tenantId)).map((v) => [v.value.id, v.value]));
  const describe = (q: Questionnaire | undefined, questionId: string) => {
    const question = q?.questions.find((x) => x.id === questionId);
    const session = q?.sessionId ? sessions.get(q.sessionId) : undefined;
    return { question, title: q?.title ?? '', session: session?.title ?? '', date: session?.startsAt.slice(0, 10) ?? '' };
  };

  async function* namedRows(): AsyncIterable<string[]> {
    for await (const { value: r } of store.responses.iterate(tenantId, { orderBy: { field: 'submittedAt' } })) {
      const q = questionnaires.get(r.questionnaireId);
      const person = staff.get(r.respondentId);
      for (const [questionId, value] of Object.entries(r.answers)) {
        const d = describe(q, questionId);
        yield [r.questionnaireId, d.title, d.session, d.date, person?.name ?? '', person?.email ?? '', r.submittedAt, questionId, d.question?.prompt ?? '', answerText(d.question, value)];
      }
    }
  }
  // Ordered by the random id alone: never by insertion (which could be matched to receipts), and
  // not by questionnaire first, since Cosmos DB would order ties by insertion.
  async function* anonymousRows(): AsyncIterable<string[]> {
    for await (const { value: r } of store.anonymousResponses.iterate(tenantId, { orderBy: { field: 'id' } })) {
      const q = questionnaires.get(r.questionnaireId);
      for (const [questionId, value] of Object.entries(r.answers)) {
        const d = describe(q, questionId);
        yield [r.questionnaireId, d.title, d.session, d.date, r.id, r.submittedOn, questionId, d.question?.prompt ?? '', answerText(d.question, value)];
      }
    }
  }
  await writeCsv(sinks.named, NAMED_COLUMNS, namedRows());
  await writeCsv(sinks.anonymous, ANONYMOUS_COLUMNS, anonymousRows());
}

/** The same two files as text, for small exports and tests. */
export async function exportResponsesCsv(deps: ReportDeps, tenantId: string): Promise<{ named: string; anonymous: string }> {
  const named = textSink();
  const anonymous = textSink();
  await writeResponsesCsv(deps, tenantId, { named: named.sink, anonymous: anonymous.sink });
  return { named: named.text(), anonymous: anonymous.text() };
}
