import { gapTaskId, participationId } from '../../src/domain';
import { MAX_BODY_BYTES } from '../../src/http/request-guards';
import { slackSignatureHeaders } from '../support/slack-signing';
import {
  GOOD_ANSWERS,
  GOOD_REPORT,
  OTHER_TENANT,
  PEOPLE,
  SECRET,
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

/** Signature tampering and replay, cross-tenant and cross-role attempts, oversized bodies and odd content types. */
describe('security at the edge via the real Teams and Slack routes (embedded store)', () => {
  let w: ReliabilityWorld;
  beforeAll(async () => {
    w = await startReliabilityWorld();
  });
  afterAll(() => w.close());

  const allCounts = async () => ({ mine: await writeCounts(w), other: await writeCounts(w, OTHER_TENANT) });

  it('Slack: a replay of a processed submission (same body, same timestamp) changes nothing', async () => {
    const body = slackForm(viewSubmission(PEOPLE.sam, 'V-replay', 'questionnaire.submit', { questionnaireId: 'qn-1' }, GOOD_ANSWERS));
    const ts = Math.floor(w.clock.now().getTime() / 1000);
    const first = await postSlack(w, body, { timestamp: ts });
    expect(first.status).toBe(200);
    const after = await allCounts();
    const updates = w.slackApi.callsOf('chat.update').length;
    for (let i = 0; i < 5; i++) {
      const replay = await postSlack(w, body, { timestamp: ts });
      expect(replay.status).toBe(200);
    }
    expect(await allCounts()).toEqual(after);
    expect(w.slackApi.callsOf('chat.update').length).toBe(updates);
  });

  it('Slack: tampered body, tampered signature, wrong secret, stale and future timestamps → 401, nothing written', async () => {
    const before = await allCounts();
    const body = slackForm(viewSubmission(PEOPLE.jo, 'V-tamper', 'questionnaire.submit', { questionnaireId: 'qn-1' }, GOOD_ANSWERS));
    const now = Math.floor(w.clock.now().getTime() / 1000);
    const signed = slackSignatureHeaders(SECRET, body, now);
    const statuses = [
      // Signed for one body, another body sent.
      (await postSlack(w, body.replace('qn-1', 'qn-2'), { headers: signed })).status,
      (await postSlack(w, body, { headers: { 'x-slack-signature': signed['x-slack-signature']!.replace(/.$/, (c) => (c === '0' ? '1' : '0')) } })).status,
      (await postSlack(w, body, { secret: 'guessed' })).status,
      (await postSlack(w, body, { timestamp: now - 301 })).status,
      (await postSlack(w, body, { timestamp: now + 301 })).status,
      (await postSlack(w, body, { headers: { 'x-slack-request-timestamp': 'abc' } })).status,
    ];
    expect(statuses).toEqual([401, 401, 401, 401, 401, 401]);
    expect(await allCounts()).toEqual(before);
  });

  it('Teams: a person answering a questionnaire not sent to them, or another person\'s gap task, is refused and nothing is written', async () => {
    const before = await allCounts();
    // The lead was not at the session.
    const notMine = await postJson(w, '/api/messages', invokeActivity(w, PEOPLE.lead, 'questionnaire.submit', { questionnaireId: 'qn-1', ...GOOD_ANSWERS }));
    expect(cardText(notMine.json)).toMatch(/not sent to you/);
    const othersTask = await postJson(w, '/api/messages', invokeActivity(w, PEOPLE.sam, 'gap.report.submit', { gapTaskId: gapTaskId('ses-1', 'stf-jo'), ...GOOD_REPORT }));
    expect(cardText(othersTask.json)).toMatch(/can't find that gap task/);
    expect(await allCounts()).toEqual(before);
  });

  it('cross-tenant: ids that exist only in another trust are not found, and a foreign Teams tenant or Slack workspace acts on nothing', async () => {
    const before = await allCounts();
    const foreignQuestionnaire = await postJson(w, '/api/messages', invokeActivity(w, PEOPLE.jo, 'questionnaire.submit', { questionnaireId: 'qn-other', ...GOOD_ANSWERS }));
    expect(cardText(foreignQuestionnaire.json)).toMatch(/can't find that questionnaire/);
    // Jo's Teams ids presented from the other trust's Entra tenant: that trust has an stf-jo too, but not linked to these ids.
    const foreignTenant = await postJson(w, '/api/messages', invokeActivity(w, PEOPLE.jo, 'questionnaire.submit', { questionnaireId: 'qn-1', ...GOOD_ANSWERS }, 'aad-other'));
    expect(cardText(foreignTenant.json)).toMatch(/don't know you yet/);
    const slackForeign = await postSlack(w, slackForm(viewSubmission(PEOPLE.jo, 'V-foreign', 'gap.report.submit', { gapTaskId: gapTaskId('ses-1', 'stf-jo') }, GOOD_REPORT, 'T0OTHER')));
    expect(slackForeign.status).toBe(200);
    expect(await allCounts()).toEqual(before);
    expect((await w.inner.participations.get(OTHER_TENANT, participationId('ses-1', 'stf-jo')))?.value.rsvp).toBe('yes');
  });

  it('cross-role: a member of staff pressing the lead-only "create session" button is refused, nothing written (Teams and Slack)', async () => {
    const before = await allCounts();
    const form = { title: 'Sneaky', category: 'TL', kind: 'twilight', date: '2026-12-02', startTime: '16:00', endTime: '17:00', place: 'Hall' };
    const teams = await postJson(w, '/api/messages', invokeActivity(w, PEOPLE.jo, 'session.create', form));
    expect(cardText(teams.json)).toMatch(/lead/i);
    const slack = await postSlack(w, slackForm(viewSubmission(PEOPLE.jo, 'V-role', 'session.create', {}, form)));
    expect(slack.status).toBe(200);
    expect(JSON.stringify(slack.json)).toMatch(/lead/i);
    expect(await allCounts()).toEqual(before);
  });

  const ROUTES = ['/api/messages', '/slack/events'];

  it.each(ROUTES)('%s: a body over the limit gets 413 JSON, declared or chunked, and nothing is written', async (path) => {
    const before = await allCounts();
    const big = JSON.stringify({ type: 'message', text: 'x'.repeat(MAX_BODY_BYTES + 1) });
    const declared = await fetch(`${w.baseUrl}${path}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: big });
    expect(declared.status).toBe(413);
    expect(await declared.json()).toMatchObject({ error: 'payload_too_large' });
    // A chunked body has no length up front: the route's own parser stops it.
    const chunks = new ReadableStream({
      start(controller) {
        for (let i = 0; i < 12; i++) controller.enqueue(new TextEncoder().encode('x'.repeat(100_000)));
        controller.close();
      },
    });
    const chunked = await fetch(`${w.baseUrl}${path}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: chunks, duplex: 'half' } as RequestInit);
    expect(chunked.status).toBe(413);
    expect(await chunked.text()).not.toMatch(/at .*\.js:\d+/);
    expect(await allCounts()).toEqual(before);
  });

  it.each(ROUTES)('%s: unexpected content types get 415, malformed JSON 400, never a 500 or a stack trace', async (path) => {
    for (const type of ['text/plain', 'application/xml', 'multipart/form-data; boundary=x', 'application/octet-stream', '']) {
      const res = await fetch(`${w.baseUrl}${path}`, { method: 'POST', headers: type ? { 'content-type': type } : {}, body: '{"type":"message"}' });
      // fetch sends text/plain for a string body without a type.
      expect(res.status).toBe(415);
    }
    const broken = await fetch(`${w.baseUrl}${path}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"type":' });
    expect(broken.status).toBe(path === '/slack/events' ? 401 : 400);
    expect(await broken.text()).not.toMatch(/SyntaxError|at .*\.js:\d+/);
  });
});
