import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { GOOD_ANSWERS, PEOPLE, TENANT, cardText, invokeActivity, postJson, postSlack, slackForm, startReliabilityWorld, viewSubmission, type ReliabilityWorld } from './support/reliability-world';

/**
 * Another connection holds the embedded store's write lock for longer than a write waits (2 s):
 * the server keeps answering (/healthz included) and a submission is answered "try again", not
 * lost; once the lock is let go the retry is stored. Real bots, a real SQLite file, a second
 * real connection holding BEGIN IMMEDIATE.
 */
describe('a held SQLite write lock via the real Teams and Slack routes (embedded store on a file)', () => {
  const dir = mkdtempSync(join(tmpdir(), 'twilight-held-'));
  let w: ReliabilityWorld;
  let holder: Database.Database;
  beforeEach(async () => {
    const storePath = join(dir, `${Math.random().toString(36).slice(2)}.db`);
    w = await startReliabilityWorld({ storePath });
    holder = new Database(storePath);
  });
  afterEach(async () => {
    if (holder.inTransaction) holder.exec('ROLLBACK');
    holder.close();
    await w.close();
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  const receipts = () => w.inner.receipts.count(TENANT);

  it('Slack: the modal says try again while /healthz answers; the retry after the lock is let go is stored', async () => {
    holder.exec('BEGIN IMMEDIATE');
    const submission = slackForm(viewSubmission(PEOPLE.jo, 'V-held', 'questionnaire.submit', { questionnaireId: 'qn-1' }, GOOD_ANSWERS));
    const pending = postSlack(w, submission);
    const health = await fetch(`${w.baseUrl}/healthz`);
    expect(health.status).toBe(200);
    const failed = await pending;
    expect(failed.json).toMatchObject({ response_action: 'errors' });
    expect(JSON.stringify(failed.json)).toMatch(/try again/i);
    expect(await receipts()).toBe(0);

    holder.exec('COMMIT');
    const retried = await postSlack(w, submission);
    expect(retried.text).toBe('');
    expect(await receipts()).toBe(1);
  });

  it('Teams: the card says try again; the retry after the lock is let go is stored', async () => {
    holder.exec('BEGIN IMMEDIATE');
    const failed = await postJson(w, '/api/messages', invokeActivity(w, PEOPLE.jo, 'questionnaire.submit', { questionnaireId: 'qn-1', ...GOOD_ANSWERS }));
    expect(failed.status).toBe(200);
    expect(cardText(failed.json)).toMatch(/try again/i);
    holder.exec('COMMIT');
    const retried = await postJson(w, '/api/messages', invokeActivity(w, PEOPLE.jo, 'questionnaire.submit', { questionnaireId: 'qn-1', ...GOOD_ANSWERS }));
    expect(cardText(retried.json)).not.toMatch(/try again/i);
    expect(await receipts()).toBe(1);
  });
});
