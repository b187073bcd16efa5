import type { Delivery } from '../../../src/domain';
import type { Scheduler } from '../../../src/scheduler/scheduler';
import { session } from '../../support/fixtures';
import { startTestScheduler } from '../../support/test-scheduler';
import { JO, TENANT, buttonPress, findButton, modalSubmission, openedModal, postInteraction, postSigned, slashCommand, startSlackHarness, type SlackHarness } from './slack-harness';
import { HAL, MIA, seedRequestSchool } from './request-school';


const FORM = {
  courseTitle: 'Leading early reading',
  provider: 'Fenland English Hub',
  startDate: '2027-01-12',
  mode: 'online',
  fee: '250',
  coverHalfDays: '1',
  purpose: 'appraisal-objective',
  purposeDetail: 'Objective 1: early reading',
  intendedImpact: 'More Year 1 pupils pass the phonics check.',
};

/** Issue 24 item 17: what Slack confirms, and how, after a request is sent and decided; App Home's sessions. */
describe('Slack confirmations for CPD requests, and App Home sessions (real bolt App, signed requests, fake Slack API)', () => {
  let h: SlackHarness;
  let scheduler: Scheduler;
  const tick = async () => {
    h.clock.advance(60_000);
    await scheduler.runOnce();
    await h.bot.drain();
  };
  const dmFor = async (userId: string, staffId: string, kind: Delivery['kind']) => {
    const latest = (await h.store.deliveries.find(TENANT, { where: { kind, recipientId: staffId } })).map((d) => d.value).find((d) => d.status === 'sent')!;
    const message = h.api.callsOf('chat.postMessage').filter((c) => c.args.channel === userId && String(c.args.text).includes(FORM.courseTitle)).at(-1)!.args;
    return { where: { channel: latest.platformConversationId!, ts: latest.platformMessageId! }, message };
  };
  const lastUpdateOf = (where: { channel: string; ts: string }) => JSON.stringify(h.api.callsOf('chat.update').filter((c) => c.args.channel === where.channel && c.args.ts === where.ts).at(-1)!.args.blocks);

  beforeAll(async () => {
    h = await startSlackHarness();
    await seedRequestSchool(h);
    scheduler = startTestScheduler(h, [h.bot.sender]);
  });
  afterAll(async () => {
    await scheduler.stop();
    await h.close();
  });

  it('sending a request is confirmed in a DM; a decline gets a neutral mark; an approver keeps their note through later updates', async () => {
    await slashCommand(h, JO, 'request cpd', 'trg-form');
    const modal = openedModal(h, 'trg-form');
    expect((await postInteraction(h, modalSubmission(JO, modal, 'V-r1', FORM))).text).toBe('');
    const receipt = h.api.callsOf('chat.postMessage').filter((c) => c.args.channel === JO.id).at(-1)!.args;
    expect(JSON.stringify(receipt.blocks)).toContain('Sent to Mia Manager for approval. I will tell you at each step.');

    await tick();
    const toMia = await dmFor(MIA.id, 'stf-mia', 'request-approval');
    await postInteraction(h, buttonPress(MIA, toMia.where, findButton(toMia.message.blocks, 'request.approve'), 'trg-approve'));
    expect(lastUpdateOf(toMia.where)).toContain(':white_check_mark: Approved. The requester has been told.');

    await tick();
    const toHal = await dmFor(HAL.id, 'stf-hal', 'request-approval');
    await postInteraction(h, buttonPress(HAL, toHal.where, findButton(toHal.message.blocks, 'request.decline.open'), 'trg-decline'));
    const reasonModal = openedModal(h, 'trg-decline');
    await postInteraction(h, modalSubmission(HAL, reasonModal, 'V-d1', { reason: 'Budget spent for this term' }));
    await h.bot.drain();
    const halCard = lastUpdateOf(toHal.where);
    expect(halCard).toContain(':information_source: Declined. The requester has been told why.');
    expect(halCard).not.toContain(':white_check_mark: Declined');
    // Mia's card was updated again by Hal's decline: her own note stays.
    const miaCard = lastUpdateOf(toMia.where);
    expect(miaCard).toContain('Declined: Budget spent for this term');
    expect(miaCard).toContain(':white_check_mark: Approved. The requester has been told.');
  });

  it("App Home lists the same upcoming sessions as /cpd sessions, compulsory ones not yet answered included", async () => {
    await h.store.sessions.create(session(TENANT, 'ses-c1', { title: 'Safeguarding update', compulsory: true, startsAt: '2026-12-01T16:00:00.000Z', endsAt: '2026-12-01T17:00:00.000Z' }));
    await h.store.sessions.create(session(TENANT, 'ses-c2', { title: 'Prevent refresher', compulsory: true, startsAt: '2026-12-03T16:00:00.000Z', endsAt: '2026-12-03T17:00:00.000Z' }));
    await slashCommand(h, JO, 'sessions', 'trg-sessions');
    const listed = JSON.stringify(h.api.ephemeralFrom('/response/trg-sessions')!.args.blocks);
    const event = JSON.stringify({ type: 'event_callback', team_id: 'T0SCHOOL', event_id: 'EvHome', event_time: 1, event: { type: 'app_home_opened', user: JO.id, tab: 'home', channel: 'DJO' } });
    await postSigned(h, event, { contentType: 'application/json' });
    await h.bot.drain();
    const home = JSON.stringify(h.api.callsOf('views.publish').at(-1)!.args.view);
    for (const title of ['Safeguarding update', 'Prevent refresher']) {
      expect(listed).toContain(title);
      expect(home).toContain(title);
    }
    expect(home).not.toContain('No upcoming sessions');
  });
});
