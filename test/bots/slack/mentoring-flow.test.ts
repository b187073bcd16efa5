import { Staff, deliveryId, progressReviewId } from '../../../src/domain';
import type { Scheduler } from '../../../src/scheduler/scheduler';
import { startTestScheduler } from '../../support/test-scheduler';
import { FOCUS_1, FOCUS_2, M1, M2, seedMentoring } from '../../app/mentoring-meetings/mentoring-world';
import { JO, LEAD, TENANT, buttonPress, findButton, modalSubmission, openedModal, postInteraction, seedSchool, startSlackHarness, type SlackHarness } from './slack-harness';

type Json = Record<string, unknown>;
const SAM = { id: 'USAM', email: 'sam.lee@school.example', name: 'Sam Lee' };
const MORGAN = { id: 'UMORGAN', email: 'morgan@school.example', name: 'Morgan Reid' };

describe('mentoring in chat via fake Slack API (real bolt App, signed requests, real scheduler, manual clock)', () => {
  let h: SlackHarness;
  let scheduler: Scheduler;
  beforeAll(async () => {
    h = await startSlackHarness();
    await seedSchool(h);
    h.api.users.set(SAM.id, SAM);
    h.api.users.set(MORGAN.id, MORGAN);
    // Jo: early-career, Sam her subject mentor, Lee (the CPD lead) her induction tutor, Morgan her line manager.
    await h.store.staff.create(Staff.parse({ tenantId: TENANT, id: 'stf-sam', name: SAM.name, email: SAM.email, roles: ['staff'] }));
    await h.store.staff.create(Staff.parse({ tenantId: TENANT, id: 'stf-morgan', name: MORGAN.name, email: MORGAN.email, roles: ['staff', 'line-manager'] }));
    await h.store.staff.put(Staff.parse({ ...(await h.store.staff.get(TENANT, 'stf-jo'))!.value, pathway: 'ect', lineManagerId: 'stf-morgan' }));
    await seedMentoring(h.store, TENANT, { mentorId: 'stf-sam', tutorId: 'stf-lead' });
    await h.bot.linkStaffByEmail(TENANT);
    scheduler = startTestScheduler(h, [h.bot.sender]);
  });
  afterAll(async () => {
    await scheduler.stop();
    await h.close();
  });

  const dms = (user: { id: string }, text: string) => h.api.callsOf('chat.postMessage').filter((c) => c.args.channel === user.id && JSON.stringify(c.args).includes(text));
  const tick = async (at: string) => {
    h.clock.set(at);
    await scheduler.runOnce();
    await h.bot.drain();
  };
  const sent = async (kind: Parameters<typeof deliveryId>[0], recipientId: string, subjectKey: string, slot = '') => (await h.store.deliveries.get(TENANT, deliveryId(kind, recipientId, subjectKey, slot)))!.value;
  const message = (d: { platformConversationId?: string; platformMessageId?: string }) => ({ channel: d.platformConversationId!, ts: d.platformMessageId! });

  it('week 2: both get the reminder with its focus; the mentor records it in a modal (errors beside the field); the mentee reflects in hers', async () => {
    await tick('2026-09-07T07:00:00.000Z');
    const joDm = dms(JO, FOCUS_1).at(-1)!;
    const samDm = dms(SAM, FOCUS_1).at(-1)!;
    expect(String(joDm.args.text)).toContain(`This week: Meeting with your subject mentor, Sam Lee. Focus: ${FOCUS_1}`);
    expect(() => findButton(joDm.args.blocks, 'mentoring.record.open')).toThrow();
    expect(dms(MORGAN, FOCUS_1)).toEqual([]);

    const samReminder = await sent('mentoring-reminder', 'stf-sam', M1, '2026-09-07');
    await postInteraction(h, buttonPress(SAM, message(samReminder), findButton(samDm.args.blocks, 'mentoring.record.open'), 'trg-record'));
    const modal = openedModal(h, 'trg-record');
    expect(modal.callback_id).toBe('mentoring.record.submit');
    expect((modal.blocks as Json[]).filter((b) => b.type === 'input').map((b) => b.block_id)).toEqual(
      ['heldOn', 'focus', 'wentWell', 'action1', 'action1Due', 'action2', 'action2Due', 'action3', 'action3Due', 'nextMeetingOn', 'minutes'].map((f) => `field:${f}`),
    );
    h.clock.set('2026-09-08T14:00:00.000Z');
    const answers = { heldOn: '2026-09-08', focus: FOCUS_1, wentWell: 'Routines at the door.', action1: 'Observe a Year 8 lesson with Sam', action1Due: '2026-09-18', minutes: '45' };
    const bad = await postInteraction(h, modalSubmission(SAM, modal, 'V-rec', { ...answers, heldOn: '2026-09-10' }));
    expect(bad.json).toEqual({ response_action: 'errors', errors: { 'field:heldOn': 'That day has not come yet: record the meeting once it has been held.' } });
    expect((await h.store.mentoringMeetings.get(TENANT, M1))?.value.status).toBe('planned');
    expect((await postInteraction(h, modalSubmission(SAM, modal, 'V-rec', answers))).text).toBe('');
    expect((await h.store.mentoringMeetings.get(TENANT, M1))?.value).toMatchObject({ status: 'held', record: { minutes: 45, actions: [{ text: 'Observe a Year 8 lesson with Sam', dueOn: '2026-09-18' }] } });
    // Sam's reminder now shows the record.
    const update = h.api.callsOf('chat.update').filter((c) => c.args.ts === samReminder.platformMessageId).at(-1)!;
    expect(JSON.stringify(update.args.blocks)).toContain('Routines at the door.');

    await tick('2026-09-08T14:05:00.000Z');
    const recordDm = dms(JO, 'Routines at the door.').at(-1)!;
    expect(String(recordDm.args.text)).toContain('Your meeting record');
    expect(dms(MORGAN, 'Routines at the door.')).toEqual([]);
    const recordDelivery = await sent('mentoring-record', 'stf-jo', M1);
    await postInteraction(h, buttonPress(JO, message(recordDelivery), findButton(recordDm.args.blocks, 'mentoring.reflect.open'), 'trg-reflect'));
    const reflect = openedModal(h, 'trg-reflect');
    expect(reflect.callback_id).toBe('mentoring.reflect.submit');
    expect((await postInteraction(h, modalSubmission(JO, reflect, 'V-ref', { reflection: '' }))).json).toEqual({ response_action: 'errors', errors: { 'field:reflection': 'Write a line or two.' } });
    expect((await postInteraction(h, modalSubmission(JO, reflect, 'V-ref', { reflection: 'Seating plans first.' }))).text).toBe('');
    expect((await h.store.mentoringMeetings.get(TENANT, M1))?.value.reflection?.text).toBe('Seating plans first.');
  });

  it('the line manager pressing a copied button sees nothing of the record', async () => {
    const recordDm = dms(JO, 'Routines at the door.').at(-1)!;
    await postInteraction(h, buttonPress(MORGAN, { channel: 'DMORGAN', ts: '1.1' }, findButton(recordDm.args.blocks, 'mentoring.reflect.open'), 'trg-morgan'));
    expect(h.api.callsOf('views.open').find((c) => c.args.trigger_id === 'trg-morgan')).toBeUndefined();
    const answer = [...h.api.callsOf('chat.update'), ...h.api.callsOf('chat.postMessage'), ...h.api.callsOf('chat.postEphemeral')].filter((c) => JSON.stringify(c.args).includes('not yours to see'));
    expect(answer.length).toBeGreaterThan(0);
    expect(JSON.stringify(answer)).not.toContain('Routines at the door.');
  });

  it('moving the week-3 meeting from its reminder: the new week is reminded, the move kept', async () => {
    await tick('2026-09-14T07:00:00.000Z');
    const joDm = dms(JO, FOCUS_2).at(-1)!;
    const reminder = await sent('mentoring-reminder', 'stf-jo', M2, '2026-09-14');
    await postInteraction(h, buttonPress(JO, message(reminder), findButton(joDm.args.blocks, 'mentoring.move.open'), 'trg-move'));
    const modal = openedModal(h, 'trg-move');
    expect(modal.callback_id).toBe('mentoring.move.submit');
    expect((await postInteraction(h, modalSubmission(JO, modal, 'V-mv', { toWeek: '2026-09-14', reason: 'Trip' }))).json).toEqual({ response_action: 'errors', errors: { 'field:toWeek': 'That is the week it is in already. Choose another week.' } });
    expect((await postInteraction(h, modalSubmission(JO, modal, 'V-mv', { toWeek: '2026-09-22', reason: 'Year 7 trip' }))).text).toBe('');
    expect((await h.store.mentoringMeetings.get(TENANT, M2))?.value).toMatchObject({ weekStart: '2026-09-21', moves: [{ fromWeekStart: '2026-09-14', reason: 'Year 7 trip', movedBy: 'stf-jo' }] });
    await tick('2026-09-21T07:00:00.000Z');
    expect(dms(SAM, FOCUS_2).filter((c) => JSON.stringify(c.args.blocks).includes('Week of Monday 21 September'))).toHaveLength(1);
  });

  it('the agreed action is nudged on its due day; Jo marks it done from the message', async () => {
    await tick('2026-09-18T07:00:00.000Z');
    const nudge = dms(JO, 'Observe a Year 8 lesson with Sam').filter((c) => String(c.args.text).startsWith('Due')).at(-1)!;
    const d = await sent('mentoring-action-nudge', 'stf-jo', `${M1}:a1`, 'due');
    expect(d.status).toBe('sent');
    await postInteraction(h, buttonPress(JO, message(d), findButton(nudge.args.blocks, 'mentoring.action.done'), 'trg-done'));
    expect((await h.store.mentoringMeetings.get(TENANT, M1))?.value.record?.actions[0]?.doneAt).toBeDefined();
    const update = h.api.callsOf('chat.update').filter((c) => c.args.ts === d.platformMessageId).at(-1)!;
    expect(JSON.stringify(update.args.blocks)).toContain('Done. Thank you!');
  });

  it('the termly review reaches the mentor and the induction tutor; recorded at risk in the modal, the induction tutor is told', async () => {
    await tick('2026-12-07T08:00:00.000Z');
    const prompt = dms(SAM, 'Progress review due: Jo Patel').at(-1)!;
    expect(dms(LEAD, 'Progress review due: Jo Patel')).toHaveLength(1);
    expect(dms(JO, 'Progress review due')).toEqual([]);
    expect(dms(MORGAN, 'Progress review')).toEqual([]);
    expect(JSON.stringify(prompt.args.blocks)).toContain('Seating plans first.');
    const d = await sent('progress-review-prompt', 'stf-sam', progressReviewId('stf-jo', '2026-27', 1));
    await postInteraction(h, buttonPress(SAM, message(d), findButton(prompt.args.blocks, 'review.open'), 'trg-review'));
    const modal = openedModal(h, 'trg-review');
    expect(modal.callback_id).toBe('review.submit');
    expect((await postInteraction(h, modalSubmission(SAM, modal, 'V-rv', { summary: 'Struggling.' }))).json).toEqual({ response_action: 'errors', errors: { 'field:outcome': 'Choose one.' } });
    expect((await postInteraction(h, modalSubmission(SAM, modal, 'V-rv', { outcome: 'at-risk', summary: 'Behaviour management is not yet secure.' }))).text).toBe('');
    await tick('2026-12-07T08:01:00.000Z');
    const alert = dms(LEAD, 'At risk: Jo Patel').at(-1)!;
    expect(JSON.stringify(alert.args.blocks)).toContain('Behaviour management is not yet secure.');
    expect(dms(MORGAN, 'At risk')).toEqual([]);
  });
});
