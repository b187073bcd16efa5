import { composeMessage } from '../../../src/app/compose-message';
import type { Staff } from '../../../src/domain';
import { FakeConnector } from '../../support/fake-connector';
import { AAD_TENANT, BOT_ID, JO, TENANT, installActivity, outboxRecord, postActivity, seedSchool, startTeamsHarness, type TeamsHarness } from './teams-harness';

const TEAM_ID = '19:staffroom@thread.tacv2';
const SAM = { id: '29:sam', name: 'Sam Lee', aadObjectId: 'aad-sam', email: 'Sam.Lee@school.example', tenantId: AAD_TENANT };

async function invitationFor(h: TeamsHarness, staffId: string) {
  const composed = await composeMessage(h, outboxRecord(staffId, 'invitation', { sessionId: 'ses-1' }));
  if (!composed.ok) throw new Error(composed.reason);
  return composed;
}

async function staffRecord(h: TeamsHarness, id: string): Promise<Staff> {
  const found = await h.store.staff.get(TENANT, id);
  if (!found) throw new Error(`no staff ${id}`);
  return found.value;
}

describe('Teams proactive sender via fake connector', () => {
  let h: TeamsHarness;
  beforeAll(async () => {
    h = await startTeamsHarness();
    await seedSchool(h);
    await postActivity(h, installActivity(h, JO));
  });
  afterAll(() => h.close());

  it('team install links the roster (by Entra id or e-mail, across pages) and stores the team reference', async () => {
    const strangers = Array.from({ length: 250 }, (_, i) => ({ id: `29:x${i}`, name: `Visitor ${i}`, aadObjectId: `aad-x${i}`, email: `x${i}@elsewhere.example` }));
    h.connector.setRoster(TEAM_ID, [SAM, ...strangers]);
    const install = await postActivity(h, {
      type: 'conversationUpdate',
      channelId: 'msteams',
      serviceUrl: h.connector.url,
      from: { id: JO.userId, aadObjectId: JO.aadObjectId },
      recipient: { id: BOT_ID },
      conversation: { id: `${TEAM_ID}`, conversationType: 'channel', tenantId: AAD_TENANT, isGroup: true },
      channelData: { tenant: { id: AAD_TENANT }, team: { id: TEAM_ID, name: 'Staffroom' } },
      membersAdded: [{ id: BOT_ID }],
    });
    expect(install.status).toBe(200);
    expect(h.connector.requests.filter((r) => r.includes('/pagedmembers'))).toHaveLength(2);
    expect((await staffRecord(h, 'stf-sam')).teams).toEqual({ aadObjectId: 'aad-sam', userId: '29:sam' });
    const teams = await h.store.conversations.find(TENANT, { where: { scope: 'team' } });
    expect(teams).toHaveLength(1);
    expect(teams[0]?.value.staffId).toBeUndefined();
  });

  it('a person added to the team later is linked too', async () => {
    await h.store.staff.create({ ...(await staffRecord(h, 'stf-sam')), id: 'stf-kim', name: 'Kim Ng', email: 'kim.ng@school.example', teams: undefined });
    h.connector.setRoster(TEAM_ID, [SAM, { id: '29:kim', name: 'Kim Ng', aadObjectId: 'aad-kim', email: 'kim.ng@school.example' }]);
    const res = await postActivity(h, {
      type: 'conversationUpdate',
      channelId: 'msteams',
      serviceUrl: h.connector.url,
      from: { id: JO.userId, aadObjectId: JO.aadObjectId },
      recipient: { id: BOT_ID },
      conversation: { id: TEAM_ID, conversationType: 'channel', tenantId: AAD_TENANT, isGroup: true },
      channelData: { tenant: { id: AAD_TENANT }, team: { id: TEAM_ID }, eventType: 'teamMemberAdded' },
      membersAdded: [{ id: '29:kim' }],
    });
    expect(res.status).toBe(200);
    expect((await staffRecord(h, 'stf-kim')).teams).toEqual({ aadObjectId: 'aad-kim', userId: '29:kim' });
  });

  it('opens a 1:1 chat for a roster member who never opened the bot, keeps its reference, then sends', async () => {
    const { recipient, message } = await invitationFor(h, 'stf-sam');
    expect(h.bot.sender.canReach(recipient)).toBe(true);
    const result = await h.bot.sender.send(recipient, message, outboxRecord('stf-sam', 'invitation', { sessionId: 'ses-1' }));
    expect(result.status).toBe('sent');
    const created = h.connector.conversations.at(-1);
    expect(created?.parameters).toMatchObject({ isGroup: false, members: [{ id: '29:sam' }], tenantId: AAD_TENANT });
    expect(result).toMatchObject({ conversationId: created?.id });
    expect(FakeConnector.card(h.connector.sentTo(created?.id ?? '')[0])?.type).toBe('AdaptiveCard');
    const personal = await h.store.conversations.find(TENANT, { where: { staffId: 'stf-sam', scope: 'personal' } });
    expect(personal).toHaveLength(1);
    // The next message reuses the chat.
    await h.bot.sender.send(recipient, message, outboxRecord('stf-sam', 'invitation', { sessionId: 'ses-1' }));
    expect(h.connector.conversations).toHaveLength(1);
  });

  it('a 429 the client could not retry away is reported as throttled with its Retry-After', async () => {
    const { recipient, message } = await invitationFor(h, 'stf-jo');
    const before = h.connector.requests.length;
    // The client itself retries 3 times; all four attempts are throttled.
    h.connector.failNext(4, 429, { 'retry-after-ms': '20' });
    const result = await h.bot.sender.send(recipient, message, outboxRecord('stf-jo', 'invitation', { sessionId: 'ses-1' }));
    expect(result).toEqual({ status: 'throttled', retryAfterMs: 20 });
    expect(h.connector.requests.length - before).toBe(4);
  });

  it('a 429 that clears within the client’s own retries ends as sent', async () => {
    const { recipient, message } = await invitationFor(h, 'stf-jo');
    h.connector.failNext(1, 429, { 'Retry-After': '0' });
    const result = await h.bot.sender.send(recipient, message, outboxRecord('stf-jo', 'invitation', { sessionId: 'ses-1' }));
    expect(result.status).toBe('sent');
  });

  it('403 (bot removed or blocked) is unreachable; 404 too', async () => {
    const { recipient, message } = await invitationFor(h, 'stf-jo');
    h.connector.failNext(1, 403);
    expect(await h.bot.sender.send(recipient, message, outboxRecord('stf-jo', 'invitation', { sessionId: 'ses-1' }))).toMatchObject({ status: 'unreachable' });
    h.connector.failNext(1, 404);
    expect(await h.bot.sender.send(recipient, message, outboxRecord('stf-jo', 'invitation', { sessionId: 'ses-1' }))).toMatchObject({ status: 'unreachable' });
  });

  it('a 5xx that survives the client’s retries is a transient failure', async () => {
    const { recipient, message } = await invitationFor(h, 'stf-jo');
    // 503 with a millisecond Retry-After keeps the client's own retries fast.
    h.connector.failNext(4, 503, { 'retry-after-ms': '1' });
    expect(await h.bot.sender.send(recipient, message, outboxRecord('stf-jo', 'invitation', { sessionId: 'ses-1' }))).toMatchObject({
      status: 'failed',
      transient: true,
    });
  });

  it('updates an earlier message in place (PUT) and reports it sent', async () => {
    const { recipient, message } = await invitationFor(h, 'stf-jo');
    const sent = await h.bot.sender.send(recipient, message, outboxRecord('stf-jo', 'invitation', { sessionId: 'ses-1' }));
    if (sent.status !== 'sent') throw new Error('not sent');
    const updated = await h.bot.sender.update(recipient, { messageId: sent.messageId, conversationId: sent.conversationId }, message);
    expect(updated).toEqual(sent);
    expect(h.connector.activities.at(-1)).toMatchObject({ method: 'PUT', activityId: sent.messageId, conversationId: JO.conversationId });
  });

  it('someone with no Teams identity is not reachable, and says why', async () => {
    await h.store.staff.create({ ...(await staffRecord(h, 'stf-sam')), id: 'stf-new', email: 'new@school.example', teams: undefined });
    const { recipient, message } = await invitationFor(h, 'stf-new');
    expect(h.bot.sender.canReach(recipient)).toBe(false);
    expect(await h.bot.sender.send(recipient, message, outboxRecord('stf-new', 'invitation', { sessionId: 'ses-1' }))).toMatchObject({
      status: 'unreachable',
    });
  });
});
