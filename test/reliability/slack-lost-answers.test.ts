import { Staff, participationId } from '../../src/domain';
import { SLACK_EVENTS_PATH } from '../../src/bots/slack/router-receiver';
import { session } from '../support/fixtures';
import { slackSignatureHeaders } from '../support/slack-signing';
import {
  GOOD_ANSWERS,
  PEOPLE,
  SECRET,
  SLACK_TEAM,
  TENANT,
  postSlack,
  slackForm,
  startReliabilityWorld,
  viewSubmission,
  writeCounts,
  type Person,
  type Reply,
  type ReliabilityWorld,
} from './support/reliability-world';

/**
 * A Slack questionnaire answer is never lost: whatever fails (the idempotency claim, linking the
 * person, Slack's users.info, the answer write, releasing the claim, the process itself), the
 * person either sees a field error on the modal or the answer is stored. Never an empty 200 (which
 * closes the modal) with nothing stored. Real bolt, signed requests, the fake Slack Web API and the
 * embedded store wrapped to inject faults.
 */
const SUBMIT = { questionnaireId: 'qn-1' };
const answer = (viewId: string, who: { slackId: string } = PEOPLE.jo) =>
  slackForm(viewSubmission({ ...PEOPLE.jo, slackId: who.slackId } as unknown as Person, viewId, 'questionnaire.submit', SUBMIT, GOOD_ANSWERS));

/** What the person sees: the modal closed (empty 200) or a field error on it. */
function outcome(reply: Reply): 'closed' | 'error' | string {
  if (reply.status === 200 && reply.text === '') return 'closed';
  if (reply.status === 200 && (reply.json as { response_action?: string })?.response_action === 'errors') return 'error';
  return `HTTP ${reply.status} ${reply.text}`;
}

const answered = async (w: ReliabilityWorld, staffId = 'stf-jo') => (await w.inner.receipts.find(TENANT, { where: { staffId } })).length;

describe('Slack answers are never lost (real bolt, fake Slack Web API, embedded store with injected faults)', () => {
  let w: ReliabilityWorld;
  beforeEach(async () => {
    w = await startReliabilityWorld();
  });
  afterEach(() => w.close());

  it('disk full: every write fails → a field error, not a closed modal; once there is room the same modal is stored', async () => {
    const before = await writeCounts(w);
    w.faults.setDiskFull(true);
    const failed = await postSlack(w, answer('V-full'));
    expect(outcome(failed)).toBe('error');
    expect(JSON.stringify(failed.json)).toMatch(/try again/i);
    expect(await writeCounts(w)).toEqual(before);

    w.faults.setDiskFull(false);
    const retried = await postSlack(w, answer('V-full'));
    expect(outcome(retried)).toBe('closed');
    expect(await answered(w)).toBe(1);
  });

  it('the answer write fails and so does handing the claim back → the retry of the same modal is still stored', async () => {
    w.faults.failNthWrite('responses', 1);
    // Write 1 of idempotencyKeys is the claim; write 2 hands it back.
    w.faults.failNthWrite('idempotencyKeys', 2);
    const failed = await postSlack(w, answer('V-release'));
    expect(w.faults.plan.injected).toBe(2);
    expect(outcome(failed)).toBe('error');
    expect(await answered(w)).toBe(0);

    const retried = await postSlack(w, answer('V-release'));
    expect(outcome(retried)).toBe('closed');
    expect(await answered(w)).toBe(1);
    // And a third press of the same modal changes nothing.
    expect(outcome(await postSlack(w, answer('V-release')))).toBe('closed');
    expect(await w.inner.responses.count(TENANT)).toBe(1);
  });

  it('the process is killed between the claim and the answer: after restart the same modal is answered visibly, and stored once the dead claim lapses', async () => {
    w.faults.hangNthWrite('responses', 1);
    const body = answer('V-crash');
    const ts = Math.floor(w.clock.now().getTime() / 1000);
    // Slack gives up on this request after 3 s; nobody reads its answer.
    void fetch(`${w.baseUrl}${SLACK_EVENTS_PATH}`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', ...slackSignatureHeaders(SECRET, body, ts) },
      body,
    }).catch(() => undefined);
    await w.faults.waitForHung();
    expect(await w.inner.idempotencyKeys.count(TENANT)).toBe(1);
    w.restartSlack();

    const soon = await postSlack(w, body);
    expect(outcome(soon)).toBe('error');
    expect(JSON.stringify(soon.json)).toMatch(/press Submit again/i);
    expect(await answered(w)).toBe(0);

    w.clock.advance(60_000);
    const later = await postSlack(w, answer('V-crash'));
    expect(outcome(later)).toBe('closed');
    expect(await answered(w)).toBe(1);
  });

  it('the claim itself cannot be written → a field error; the retry is stored', async () => {
    w.faults.failNthWrite('idempotencyKeys', 1);
    const failed = await postSlack(w, answer('V-claim'));
    expect(w.faults.plan.injected).toBe(1);
    expect(outcome(failed)).toBe('error');
    expect(JSON.stringify(failed.json)).toMatch(/try again/i);
    expect(await answered(w)).toBe(0);
    expect(outcome(await postSlack(w, answer('V-claim')))).toBe('closed');
    expect(await answered(w)).toBe(1);
  });

  it('a button press whose write fails: the person is told to press again, and the same press (Slack retry) then works', async () => {
    await w.inner.sessions.create(session(TENANT, 'ses-next', { startsAt: '2026-12-01T16:00:00.000Z', endsAt: '2026-12-01T17:30:00.000Z' }));
    w.faults.failNthWrite('participations', 1);
    const press = slackForm({
      type: 'block_actions',
      user: { id: PEOPLE.sam.slackId, team_id: SLACK_TEAM },
      team: { id: SLACK_TEAM },
      api_app_id: 'A1',
      token: 'legacy',
      trigger_id: 'trg-rsvp-fault',
      container: { type: 'message', channel_id: 'DUSAM', message_ts: '1700000000.000200' },
      channel: { id: 'DUSAM' },
      message: { ts: '1700000000.000200' },
      actions: [{ action_id: 'rsvp.yes', value: JSON.stringify({ verb: 'rsvp.yes', sessionId: 'ses-next' }) }],
    });
    const failed = await postSlack(w, press);
    expect(failed.status).toBe(200);
    expect(w.faults.plan.injected).toBe(1);
    const told = w.slackApi.calls.filter((c) => JSON.stringify(c.args).includes('press the button again'));
    expect(told).toHaveLength(1);
    expect(await w.inner.participations.get(TENANT, participationId('ses-next', PEOPLE.sam.staffId))).toBeUndefined();

    await postSlack(w, press);
    expect((await w.inner.participations.get(TENANT, participationId('ses-next', PEOPLE.sam.staffId)))?.value.rsvp).toBe('yes');
  });

  describe('someone answering before they are linked to Slack', () => {
    const KIM = { staffId: 'stf-kim', slackId: 'UKIM' };
    beforeEach(async () => {
      await w.inner.staff.create(Staff.parse({ tenantId: TENANT, id: KIM.staffId, name: 'Kim', email: 'kim@school.example', roles: ['staff'] }));
      await w.inner.participations.create({ tenantId: TENANT, id: participationId('ses-1', KIM.staffId), sessionId: 'ses-1', staffId: KIM.staffId, rsvp: 'yes' });
      w.slackApi.users.set(KIM.slackId, { id: KIM.slackId, email: 'kim@school.example', name: 'Kim' });
    });

    it('linking them fails (the staff write) → a field error; the retry links them and stores the answer', async () => {
      w.faults.failNthWrite('staff', 1);
      const failed = await postSlack(w, answer('V-link', KIM));
      expect(w.faults.plan.injected).toBe(1);
      expect(outcome(failed)).toBe('error');
      expect(JSON.stringify(failed.json)).toMatch(/try again/i);
      expect(await answered(w, KIM.staffId)).toBe(0);

      expect(outcome(await postSlack(w, answer('V-link', KIM)))).toBe('closed');
      expect(await answered(w, KIM.staffId)).toBe(1);
      expect((await w.inner.staff.get(TENANT, KIM.staffId))?.value.slack).toEqual({ userId: KIM.slackId, teamId: SLACK_TEAM });
    });

    it('Slack users.info answers 500 (through the WebClient retries) → a field error; the retry is stored', async () => {
      w.slackApi.serverError('users.info', 3);
      const failed = await postSlack(w, answer('V-info', KIM));
      expect(w.slackApi.callsOf('users.info').length).toBe(3);
      expect(outcome(failed)).toBe('error');
      expect(JSON.stringify(failed.json)).toMatch(/try again/i);
      expect(await answered(w, KIM.staffId)).toBe(0);

      expect(outcome(await postSlack(w, answer('V-info', KIM)))).toBe('closed');
      expect(await answered(w, KIM.staffId)).toBe(1);
    });
  });
});
