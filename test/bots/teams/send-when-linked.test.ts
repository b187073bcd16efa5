import { deliveryId } from '../../../src/domain';
import type { Scheduler } from '../../../src/scheduler/scheduler';
import { FakeConnector } from '../../support/fake-connector';
import { startTestScheduler } from '../../support/test-scheduler';
import { JO, TENANT, cardText, installActivity, postActivity, seedSchool, startTeamsHarness, type TeamsHarness } from './teams-harness';

/** Issue 24 item 12 in Teams: an invitation that failed because Jo was not linked yet is sent once she opens the bot. */
describe('a message that failed for want of a link is sent on first contact, via fake connector (real botbuilder, real scheduler)', () => {
  let h: TeamsHarness;
  let scheduler: Scheduler;
  beforeAll(async () => {
    h = await startTeamsHarness();
    await seedSchool(h);
    scheduler = startTestScheduler(h, [h.bot.sender]);
  });
  afterAll(async () => {
    await scheduler.stop();
    await h.close();
  });

  it('the failed invitation goes when Jo installs the bot; Sam, still unlinked, stays failed', async () => {
    await scheduler.runOnce();
    const jo = deliveryId('invitation', 'stf-jo', 'ses-1');
    const sam = deliveryId('invitation', 'stf-sam', 'ses-1');
    for (const id of [jo, sam]) expect((await h.store.deliveries.get(TENANT, id))!.value).toMatchObject({ status: 'failed', lastError: 'unreachable: no linked Teams or Slack account' });

    await postActivity(h, installActivity(h, JO));
    expect((await h.store.staff.get(TENANT, 'stf-jo'))!.value.teams?.aadObjectId).toBe(JO.aadObjectId);
    h.clock.advance(60_000);
    await scheduler.runOnce();
    expect((await h.store.deliveries.get(TENANT, jo))!.value).toMatchObject({ status: 'sent', platform: 'teams' });
    expect(h.connector.sentTo(JO.conversationId).map((a) => cardText(FakeConnector.card(a))).join('\n')).toContain('Retrieval practice that sticks');
    expect((await h.store.deliveries.get(TENANT, sam))!.value.status).toBe('failed');
  });
});
