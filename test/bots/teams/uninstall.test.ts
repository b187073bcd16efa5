import pino from 'pino';
import { composeMessage } from '../../../src/app/compose-message';
import { conversationRefId, type Delivery } from '../../../src/domain';
import { Dispatcher } from '../../../src/scheduler/send/dispatcher';
import { AAD_TENANT, BOT_ID, JO, TENANT, installActivity, outboxRecord, postActivity, seedSchool, startTeamsHarness, type TeamsHarness } from './teams-harness';

const TEAM_ID = '19:staffroom@thread.tacv2';
const SAM = { id: '29:sam', name: 'Sam Lee', aadObjectId: 'aad-sam', email: 'sam.lee@school.example', tenantId: AAD_TENANT };

describe('Teams uninstall via fake connector (real botbuilder): removed conversations are not written to again', () => {
  let h: TeamsHarness;
  let dispatcher: Dispatcher;
  beforeAll(async () => {
    h = await startTeamsHarness();
    await seedSchool(h);
    dispatcher = new Dispatcher({
      store: h.store,
      clock: h.clock,
      logger: pino({ level: 'silent' }),
      senders: [h.bot.sender],
      compose: (d) => composeMessage(h, d),
      instanceId: 'uninstall-test',
    });
  });
  afterAll(() => h.close());

  const personalRef = () => h.store.conversations.get(TENANT, conversationRefId('teams', JO.conversationId));
  const teamRef = () => h.store.conversations.get(TENANT, conversationRefId('teams', TEAM_ID));
  const removal = (extra: Record<string, unknown>) => ({ ...installActivity(h, JO), membersAdded: undefined, ...extra });
  const teamActivity = (extra: Record<string, unknown>) => ({
    type: 'conversationUpdate',
    channelId: 'msteams',
    serviceUrl: h.connector.url,
    from: { id: JO.userId, aadObjectId: JO.aadObjectId },
    recipient: { id: BOT_ID },
    conversation: { id: TEAM_ID, conversationType: 'channel', tenantId: AAD_TENANT, isGroup: true },
    channelData: { tenant: { id: AAD_TENANT }, team: { id: TEAM_ID, name: 'Staffroom' } },
    ...extra,
  });

  /** Puts one invitation in the outbox for `staffId`, due now, dispatches, and returns the record. */
  async function dispatchInvitation(staffId: string, slot: string): Promise<Delivery> {
    const record = { ...outboxRecord(staffId, 'invitation', { sessionId: 'ses-1' }), id: `dlv-${slot}`, dueAt: h.clock.now().toISOString() };
    await h.store.deliveries.create(record);
    await dispatcher.dispatchUntilIdle();
    return (await h.store.deliveries.get(TENANT, record.id))!.value;
  }

  it('installationUpdate remove marks the personal chat removed; the dispatcher then fails the message at once with the reason', async () => {
    expect((await postActivity(h, installActivity(h, JO))).status).toBe(200);
    expect((await dispatchInvitation('stf-jo', 'before')).status).toBe('sent');
    const sentBefore = h.connector.activities.length;

    expect((await postActivity(h, removal({ type: 'installationUpdate', action: 'remove' }))).status).toBe(200);
    expect((await personalRef())?.value.removedAt).toBe(h.clock.now().toISOString());

    const after = await dispatchInvitation('stf-jo', 'after');
    expect(after).toMatchObject({ status: 'failed', attempts: 1, lastError: 'unreachable: the bot was removed from this Teams chat (uninstalled)' });
    expect(after.nextAttemptAt).toBeUndefined();
    // Nothing posted, and no new chat opened behind their back.
    expect(h.connector.activities.length).toBe(sentBefore);
    expect(h.connector.conversations).toHaveLength(0);
  });

  it('a repeated removal, or the conversationUpdate Teams also sends, changes nothing', async () => {
    const before = await personalRef();
    h.clock.advance(60_000);
    await postActivity(h, removal({ type: 'installationUpdate', action: 'remove' }));
    await postActivity(h, removal({ type: 'conversationUpdate', membersRemoved: [{ id: BOT_ID }] }));
    expect((await personalRef())?.version).toBe(before?.version);
  });

  it('adding the bot again makes the chat usable again', async () => {
    await postActivity(h, installActivity(h, JO));
    expect((await personalRef())?.value.removedAt).toBeUndefined();
    expect((await dispatchInvitation('stf-jo', 'reinstalled')).status).toBe('sent');
  });

  it('removing the bot from a team (membersRemoved holds the bot) stops 1:1 chats being opened through that team', async () => {
    h.connector.setRoster(TEAM_ID, [SAM]);
    expect((await postActivity(h, teamActivity({ membersAdded: [{ id: BOT_ID }] }))).status).toBe(200);
    expect((await teamRef())?.value.removedAt).toBeUndefined();

    const removed = await postActivity(h, teamActivity({ membersRemoved: [{ id: BOT_ID }], channelData: { tenant: { id: AAD_TENANT }, team: { id: TEAM_ID }, eventType: 'teamMemberRemoved' } }));
    expect(removed.status).toBe(200);
    expect((await teamRef())?.value.removedAt).toBeDefined();

    // Sam never opened the bot: his chat would have been opened through the team.
    const sam = await dispatchInvitation('stf-sam', 'sam');
    expect(sam).toMatchObject({ status: 'failed', attempts: 1, lastError: 'unreachable: no personal chat and no team install to open one from' });
    expect(h.connector.conversations).toHaveLength(0);
  });

  it('a member other than the bot leaving a team changes no reference', async () => {
    const before = [await personalRef(), await teamRef()].map((r) => r?.version);
    await postActivity(h, teamActivity({ membersRemoved: [{ id: SAM.id }], channelData: { tenant: { id: AAD_TENANT }, team: { id: TEAM_ID }, eventType: 'teamMemberRemoved' } }));
    expect([await personalRef(), await teamRef()].map((r) => r?.version)).toEqual(before);
  });
});
