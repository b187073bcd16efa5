import type { Delivery } from '../../../src/domain';
import type { Scheduler } from '../../../src/scheduler/scheduler';
import { startTestScheduler } from '../../support/test-scheduler';
import { JO, TENANT, buttonPress, findButton, modalSubmission, openedModal, postInteraction, slashCommand, startSlackHarness, type SlackHarness } from './slack-harness';
import { HAL, MIA, SAM, seedRequestSchool } from './request-school';


const FORM = {
  courseTitle: 'Leading early reading',
  provider: 'Fenland English Hub',
  startDate: '2027-01-12',
  startTime: '09:00',
  endTime: '15:30',
  mode: 'online',
  fee: '250',
  travel: '',
  coverHalfDays: '1',
  purpose: 'appraisal-objective',
  purposeDetail: 'Objective 1: early reading',
  intendedImpact: 'More Year 1 pupils pass the phonics check.',
};

describe('CPD request via fake Slack API (real bolt App, signed requests, real scheduler)', () => {
  let h: SlackHarness;
  let scheduler: Scheduler;
  const tick = async () => {
    h.clock.advance(60_000);
    await scheduler.runOnce();
    await h.bot.drain();
  };
  /** The DM the outbox sent this person about a request, and where it is (to press its buttons). */
  const dmFor = async (userId: string, staffId: string, kind: Delivery['kind']) => {
    const sent = (await h.store.deliveries.find(TENANT, { where: { kind, recipientId: staffId } })).map((d) => d.value).filter((d) => d.status === 'sent');
    const latest = sent.sort((a, b) => (a.sentAt ?? '').localeCompare(b.sentAt ?? '')).at(-1)!;
    const where = { channel: latest.platformConversationId!, ts: latest.platformMessageId! };
    // Other DMs (e.g. the Monday digest) go out too: a request's messages name its course.
    const message = h.api.callsOf('chat.postMessage').filter((c) => c.args.channel === userId && String(c.args.text).includes(FORM.courseTitle)).at(-1)!.args;
    return { where, message, latest };
  };

  beforeAll(async () => {
    h = await startSlackHarness();
    await seedRequestSchool(h);
    scheduler = startTestScheduler(h, [h.bot.sender]);
  });
  afterAll(async () => {
    await scheduler.stop();
    await h.close();
  });

  it('/cpd request cpd → modal; errors beside fields; line manager approves, headteacher declines in a modal with a reason; requester told', async () => {
    await slashCommand(h, JO, 'request cpd', 'trg-form');
    const modal = openedModal(h, 'trg-form');
    expect(modal.callback_id).toBe('request.submit');

    const bad = await postInteraction(h, modalSubmission(JO, modal, 'V-r1', { ...FORM, fee: 'lots', mode: undefined as never, intendedImpact: '' }));
    expect(bad.json).toMatchObject({ response_action: 'errors', errors: { 'field:fee': expect.stringMatching(/pounds/), 'field:mode': 'Please choose one.', 'field:intendedImpact': 'Please fill this in.' } });
    expect(await h.store.cpdRequests.count(TENANT)).toBe(0);

    expect((await postInteraction(h, modalSubmission(JO, modal, 'V-r1', FORM))).text).toBe('');
    const [request] = (await h.store.cpdRequests.find(TENANT)).map((r) => r.value);
    expect(request).toMatchObject({ status: 'submitted', details: { feePence: 25000, travelPence: 0, mode: 'online' } });

    await tick();
    const toMia = await dmFor(MIA.id, 'stf-mia', 'request-approval');
    expect(toMia.latest.platform).toBe('slack');
    expect(JSON.stringify(toMia.message.blocks)).toContain('£250.00 fee');

    // Sam (the CPD lead, not an approver) forges an Approve press on Mia's message: refused, nothing changes.
    const version = (await h.store.cpdRequests.get(TENANT, request!.id))?.version;
    await postInteraction(h, buttonPress(SAM, toMia.where, findButton(toMia.message.blocks, 'request.approve'), 'trg-forged'));
    expect(JSON.stringify(h.api.callsOf('chat.postEphemeral').at(-1)?.args)).toContain('not waiting for you');
    // Mia's message was not touched by Sam's press.
    expect(h.api.callsOf('chat.update')).toEqual([]);
    expect((await h.store.cpdRequests.get(TENANT, request!.id))?.version).toBe(version);

    // Mia approves: her message is updated in place.
    await postInteraction(h, buttonPress(MIA, toMia.where, findButton(toMia.message.blocks, 'request.approve'), 'trg-approve'));
    const updated = h.api.callsOf('chat.update').at(-1)!.args;
    expect(updated).toMatchObject({ channel: toMia.where.channel, ts: toMia.where.ts });
    expect(JSON.stringify(updated.blocks)).toContain('Approved. The requester has been told.');
    expect(JSON.stringify(updated.blocks)).not.toContain('request.approve');

    await tick();
    const toHal = await dmFor(HAL.id, 'stf-hal', 'request-approval');
    const toJo = await dmFor(JO.id, 'stf-jo', 'request-update');
    expect(String(toJo.message.text)).toContain('approved at one step');

    // Hal presses Decline: a modal for the reason; an empty reason is refused beside the field.
    await postInteraction(h, buttonPress(HAL, toHal.where, findButton(toHal.message.blocks, 'request.decline.open'), 'trg-decline'));
    const reasonModal = openedModal(h, 'trg-decline');
    expect(reasonModal.callback_id).toBe('request.decline');
    const empty = await postInteraction(h, modalSubmission(HAL, reasonModal, 'V-d1', { reason: '' }));
    expect(empty.json).toMatchObject({ response_action: 'errors', errors: { 'field:reason': 'Please give a reason for declining.' } });
    expect((await postInteraction(h, modalSubmission(HAL, reasonModal, 'V-d1', { reason: 'Budget spent for this term' }))).text).toBe('');
    // The other copies are updated after Slack has its answer (src/bots/slack/router-receiver.ts).
    await h.bot.drain();
    const halUpdate = h.api.callsOf('chat.update').filter((c) => c.args.channel === toHal.where.channel && c.args.ts === toHal.where.ts).at(-1)!.args;
    expect(JSON.stringify(halUpdate.blocks)).toContain('Declined. The requester has been told why.');
    expect((await h.store.cpdRequests.get(TENANT, request!.id))?.value.status).toBe('declined');
    // Every other copy is updated in place too: Mia's card and Jo's message now show the decline, with no buttons.
    for (const copy of [toMia.where, toJo.where]) {
      const update = h.api.callsOf('chat.update').filter((c) => c.args.channel === copy.channel && c.args.ts === copy.ts).at(-1)!.args;
      expect(JSON.stringify(update.blocks)).toContain('Declined: Budget spent for this term');
      expect(JSON.stringify(update.blocks)).not.toContain('"type":"button"');
    }

    await tick();
    expect(String((await dmFor(JO.id, 'stf-jo', 'request-update')).message.text)).toContain('declined: Budget spent for this term');
  });

  it('a second request: approved by both, the booker marks it booked in a modal, it is in Jo\'s sessions and requests', async () => {
    await slashCommand(h, JO, 'request cpd', 'trg-form-2');
    const form = { ...FORM, courseTitle: 'Maths mastery' };
    expect((await postInteraction(h, modalSubmission(JO, openedModal(h, 'trg-form-2'), 'V-r2', form))).text).toBe('');
    const [request] = (await h.store.cpdRequests.find(TENANT)).map((r) => r.value).filter((r) => r.details.courseTitle === 'Maths mastery');
    const dm = async (userId: string, staffId: string, kind: Delivery['kind']) => {
      const sent = (await h.store.deliveries.find(TENANT, { where: { kind, recipientId: staffId } })).map((d) => d.value).filter((d) => d.status === 'sent' && d.subject.requestId === request!.id);
      const latest = sent.at(-1)!;
      const message = h.api.callsOf('chat.postMessage').filter((c) => c.args.channel === userId && String(c.args.text).includes('Maths mastery')).at(-1)!.args;
      return { where: { channel: latest.platformConversationId!, ts: latest.platformMessageId! }, message };
    };
    await tick();
    const toMia = await dm(MIA.id, 'stf-mia', 'request-approval');
    await postInteraction(h, buttonPress(MIA, toMia.where, findButton(toMia.message.blocks, 'request.approve'), 'trg-a2'));
    await tick();
    const toHal = await dm(HAL.id, 'stf-hal', 'request-approval');
    await postInteraction(h, buttonPress(HAL, toHal.where, findButton(toHal.message.blocks, 'request.approve'), 'trg-a3'));
    expect((await h.store.cpdRequests.get(TENANT, request!.id))?.value.status).toBe('approved');

    await tick();
    const toSam = await dm(SAM.id, 'stf-sam', 'request-to-book');
    await postInteraction(h, buttonPress(SAM, toSam.where, findButton(toSam.message.blocks, 'request.book.open'), 'trg-book'));
    const bookModal = openedModal(h, 'trg-book');
    expect(bookModal.callback_id).toBe('request.book');
    const bad = await postInteraction(h, modalSubmission(SAM, bookModal, 'V-b1', { actualCost: '£1.234', reference: '' }));
    expect(bad.json).toMatchObject({ response_action: 'errors', errors: { 'field:actualCost': expect.any(String), 'field:reference': 'Please give the booking reference.' } });
    expect((await postInteraction(h, modalSubmission(SAM, bookModal, 'V-b1', { actualCost: '£1,234.50', reference: 'MM-77' }))).text).toBe('');
    expect((await h.store.cpdRequests.get(TENANT, request!.id))?.value).toMatchObject({ status: 'booked', booking: { actualCostPence: 123450, reference: 'MM-77' } });

    await slashCommand(h, JO, 'sessions', 'trg-sessions');
    expect(JSON.stringify(h.api.callsOf('/response/trg-sessions')[0]!.args.blocks)).toContain('Maths mastery');
    await slashCommand(h, JO, 'requests', 'trg-requests');
    const list = JSON.stringify(h.api.callsOf('/response/trg-requests')[0]!.args.blocks);
    expect(list).toContain('Maths mastery');
    expect(list).toContain('Booked');
    expect(list).toContain('£1,234.50');
  });
});
