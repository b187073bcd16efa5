import { SchoolCalendar, Staff, deliveryId, impactFollowUpId, participationId } from '../../../src/domain';
import type { Scheduler } from '../../../src/scheduler/scheduler';
import { startTestScheduler } from '../../support/test-scheduler';
import { session } from '../../support/fixtures';
import { JO, LEAD, TENANT, buttonPress, findButton, modalSubmission, postInteraction, seedSchool, startSlackHarness, type SlackHarness } from './slack-harness';

type Json = Record<string, unknown>;
const FOLLOW_UP = impactFollowUpId('ses-impact', 'stf-jo');

describe('impact follow-up via fake Slack API (real bolt App, signed requests, real scheduler): the person, then their line manager', () => {
  let h: SlackHarness;
  let scheduler: Scheduler;
  beforeAll(async () => {
    h = await startSlackHarness();
    await seedSchool(h);
    await h.store.staff.put(Staff.parse({ ...(await h.store.staff.get(TENANT, 'stf-jo'))!.value, lineManagerId: 'stf-lead' }));
    await h.store.calendars.put(SchoolCalendar.parse({ tenantId: TENANT, id: 'calendar', holidays: [{ start: '2026-12-21', end: '2027-01-01', name: 'Christmas' }] }));
    await h.store.sessions.create(session(TENANT, 'ses-impact', { title: 'Questioning for all', impactFollowUp: { weeksAfter: 6 } }));
    await h.store.participations.create({ tenantId: TENANT, id: participationId('ses-impact', 'stf-jo'), sessionId: 'ses-impact', staffId: 'stf-jo', rsvp: 'yes', attended: true });
    await h.bot.linkStaffByEmail(TENANT);
    scheduler = startTestScheduler(h, [h.bot.sender]);
  });
  afterAll(async () => {
    await scheduler.stop();
    await h.close();
  });

  const sentAbout = (user: { id: string }, text: string) => h.api.callsOf('chat.postMessage').filter((c) => c.args.channel === user.id && String(c.args.text).includes(text));

  it('Jo gets a DM whose button opens the modal; a missing answer is marked; then her manager adds a view in his modal', async () => {
    h.clock.set('2027-01-12T09:00:00.000Z');
    await scheduler.runOnce();
    await h.bot.drain();
    const dm = sentAbout(JO, 'What difference has it made?').at(-1)!;
    const delivered = (await h.store.deliveries.get(TENANT, deliveryId('impact-follow-up', 'stf-jo', FOLLOW_UP)))!.value;
    expect(delivered).toMatchObject({ status: 'sent', platform: 'slack' });
    await postInteraction(h, buttonPress(JO, { channel: delivered.platformConversationId!, ts: delivered.platformMessageId! }, findButton(dm.args.blocks, 'impact.open'), 'trg-impact'));
    const modal = h.api.callsOf('views.open').find((c) => c.args.trigger_id === 'trg-impact')!.args.view as Json;
    expect(modal.callback_id).toBe('impact.submit');
    expect((modal.blocks as Json[]).filter((b) => b.type === 'input').map((b) => b.block_id)).toEqual(['field:applied', 'field:how', 'field:pupilChange', 'field:evidence']);

    const answer = { applied: 'yes', how: 'Mini whiteboards every lesson.', pupilChange: 'Misconceptions caught early.', evidence: ['work-scrutiny'] };
    const bad = await postInteraction(h, modalSubmission(JO, modal, 'V-imp', { ...answer, how: '   ' }));
    expect(bad.json).toEqual({ response_action: 'errors', errors: { 'field:how': 'Please fill this in.' } });
    expect((await postInteraction(h, modalSubmission(JO, modal, 'V-imp', answer))).text).toBe('');
    expect((await h.store.impactFollowUps.get(TENANT, FOLLOW_UP))?.value.person).toMatchObject({ applied: 'yes', evidence: ['work-scrutiny'] });

    h.clock.set('2027-01-12T09:05:00.000Z');
    await scheduler.runOnce();
    await h.bot.drain();
    const toManager = sentAbout(LEAD, 'Jo Patel has said what difference').at(-1)!;
    const managerDelivery = (await h.store.deliveries.get(TENANT, deliveryId('impact-manager-view', 'stf-lead', FOLLOW_UP)))!.value;
    await postInteraction(h, buttonPress(LEAD, { channel: managerDelivery.platformConversationId!, ts: managerDelivery.platformMessageId! }, findButton(toManager.args.blocks, 'impact.open'), 'trg-mgr'));
    const managerModal = h.api.callsOf('views.open').find((c) => c.args.trigger_id === 'trg-mgr')!.args.view as Json;
    expect(JSON.stringify(managerModal.blocks)).toContain('Mini whiteboards every lesson.');
    expect((await postInteraction(h, modalSubmission(LEAD, managerModal, 'V-mgr', { view: 'Books show it: fewer repeated errors.' }))).text).toBe('');
    expect((await h.store.impactFollowUps.get(TENANT, FOLLOW_UP))?.value).toMatchObject({ status: 'reviewed', manager: { managerId: 'stf-lead', view: 'Books show it: fewer repeated errors.' } });
  });
});
