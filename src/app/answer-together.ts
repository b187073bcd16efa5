import type { AppDeps } from './deps';

/**
 * The verbs that store an answer and touch nothing but the store on the way: their writes (and
 * the bot's own, such as the Slack claim marked done) commit together, one SQLite transaction per
 * answer (issue 28; the store's `inOneTransaction`). Other verbs may call a platform mid-way, and
 * an open transaction makes every other writer in the process wait, so they commit write by write.
 */
const ANSWER_VERBS: ReadonlySet<string> = new Set(['questionnaire.submit', 'gap.plan.submit', 'gap.report.submit']);

export function answerTogether<T>(deps: AppDeps, verb: string, work: () => Promise<T>): Promise<T> {
  return ANSWER_VERBS.has(verb) && deps.store.inOneTransaction ? deps.store.inOneTransaction(work) : work();
}
