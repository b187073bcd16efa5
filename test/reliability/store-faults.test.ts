import { gapTaskId } from '../../src/domain';
import type { CollectionName } from '../../src/store/collections';
import {
  GOOD_ANSWERS,
  GOOD_REPORT,
  PEOPLE,
  cardText,
  invokeActivity,
  postJson,
  postSlack,
  slackForm,
  startReliabilityWorld,
  viewSubmission,
  writeCounts,
  type ReliabilityWorld,
} from './support/reliability-world';

/**
 * The store fails mid-request (the Nth write of one collection throws) while a person submits a
 * questionnaire or a gap-task report, through the real Teams route and the real Slack route.
 * Each time: the person is told to try again, nothing is half-written, and the retry works.
 */
const JO_TASK = gapTaskId('ses-1', 'stf-jo');

describe('store failing mid-request via the real Teams and Slack routes (embedded store, injected faults)', () => {
  let w: ReliabilityWorld;
  beforeEach(async () => {
    w = await startReliabilityWorld();
  });
  afterEach(() => w.close());

  const QUESTIONNAIRE_FAULTS: [CollectionName, number][] = [
    ['responses', 1],
    ['receipts', 1],
  ];

  it.each(QUESTIONNAIRE_FAULTS)('Teams questionnaire submit: %s write #%i fails → "try again" card, nothing half-written, retry stored once', async (collection, nth) => {
    const before = await writeCounts(w);
    w.faults.failNthWrite(collection, nth);
    const failed = await postJson(w, '/api/messages', invokeActivity(w, PEOPLE.jo, 'questionnaire.submit', { questionnaireId: 'qn-1', ...GOOD_ANSWERS }));
    expect(w.faults.plan.injected).toBe(1);
    expect(failed.status).toBe(200);
    expect(cardText(failed.json)).toMatch(/try again/i);
    expect(failed.text).not.toMatch(/at .*\.ts:\d+/);
    expect(await writeCounts(w)).toEqual(before);

    const retried = await postJson(w, '/api/messages', invokeActivity(w, PEOPLE.jo, 'questionnaire.submit', { questionnaireId: 'qn-1', ...GOOD_ANSWERS }));
    expect(retried.status).toBe(200);
    expect(cardText(retried.json)).not.toMatch(/try again/i);
    expect(await writeCounts(w)).toEqual({ ...before, responses: before.responses! + 1, receipts: before.receipts! + 1 });
  });

  it('Teams gap-task report: the gap task write fails → "try again" card, report not recorded, retry recorded', async () => {
    const before = await writeCounts(w);
    w.faults.failNthWrite('gapTasks', 1);
    const failed = await postJson(w, '/api/messages', invokeActivity(w, PEOPLE.jo, 'gap.report.submit', { gapTaskId: JO_TASK, ...GOOD_REPORT }));
    expect(w.faults.plan.injected).toBe(1);
    expect(failed.status).toBe(200);
    expect(cardText(failed.json)).toMatch(/try again/i);
    expect(await writeCounts(w)).toEqual(before);
    const retried = await postJson(w, '/api/messages', invokeActivity(w, PEOPLE.jo, 'gap.report.submit', { gapTaskId: JO_TASK, ...GOOD_REPORT }));
    expect(cardText(retried.json)).toMatch(/saved/i);
    expect(await writeCounts(w)).toEqual({ ...before, reportedGapTasks: before.reportedGapTasks! + 1 });
  });

  const SLACK_FAULTS: [string, CollectionName, string, Record<string, unknown>, Record<string, string>, string][] = [
    ['questionnaire', 'responses', 'questionnaire.submit', { questionnaireId: 'qn-1' }, GOOD_ANSWERS, 'responses'],
    ['questionnaire', 'receipts', 'questionnaire.submit', { questionnaireId: 'qn-1' }, GOOD_ANSWERS, 'responses'],
    ['gap-task report', 'gapTasks', 'gap.report.submit', { gapTaskId: JO_TASK }, GOOD_REPORT, 'reportedGapTasks'],
  ];

  it.each(SLACK_FAULTS)('Slack %s modal: %s write fails → modal error asking to try again, nothing half-written, retry of the same modal stored', async (_what, collection, callback, action, fields, counted) => {
    const before = await writeCounts(w);
    w.faults.failNthWrite(collection, 1);
    const submission = viewSubmission(PEOPLE.jo, `V-fault-${collection}`, callback, action, fields);
    const failed = await postSlack(w, slackForm(submission));
    expect(w.faults.plan.injected).toBe(1);
    expect(failed.status).toBe(200);
    expect(failed.json).toMatchObject({ response_action: 'errors' });
    expect(JSON.stringify(failed.json)).toMatch(/try again/i);
    expect(await writeCounts(w)).toEqual(before);

    // The person presses Submit again on the same modal (same view id): it must not be swallowed as a duplicate.
    const retried = await postSlack(w, slackForm(submission));
    expect(retried.status).toBe(200);
    expect(retried.text).toBe('');
    expect(await writeCounts(w)).toEqual({ ...before, [counted]: before[counted]! + 1, ...(counted === 'responses' ? { receipts: before.receipts! + 1 } : {}) });
  });
});
