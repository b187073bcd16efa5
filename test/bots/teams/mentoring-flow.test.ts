import { Staff, deliveryId, progressReviewId } from '../../../src/domain';
import type { Scheduler } from '../../../src/scheduler/scheduler';
import { FakeConnector } from '../../support/fake-connector';
import { startTestScheduler } from '../../support/test-scheduler';
import { adaptiveCardProblems } from '../../cards/adaptive/validate-adaptive-card';
import { FOCUS_1, FOCUS_2, M1, M2, seedMentoring } from '../../app/mentoring-meetings/mentoring-world';
import { JO, LEAD, TENANT, cardActionActivity, cardElements, cardText, installActivity, invokeCard, postActivity, seedSchool, startTeamsHarness, type TeamsHarness, type TeamsUser } from './teams-harness';

type Json = Record<string, unknown>;
const SAM: TeamsUser = { userId: '29:sam', aadObjectId: 'aad-sam', name: 'Sam Lee', conversationId: 'a:personal-sam' };
const MORGAN: TeamsUser = { userId: '29:morgan', aadObjectId: 'aad-morgan', name: 'Morgan Reid', conversationId: 'a:personal-morgan' };

describe('mentoring in chat via fake connector (real botbuilder, real scheduler, manual clock)', () => {
  let h: TeamsHarness;
  let scheduler: Scheduler;
  beforeAll(async () => {
    h = await startTeamsHarness();
    await seedSchool(h);
    // Jo is an early-career teacher; Sam her subject mentor; Lee her induction tutor; Morgan her line manager.
    await h.store.staff.create(Staff.parse({ tenantId: TENANT, id: 'stf-lee', name: LEAD.name, email: 'lee.lead@school.example', roles: ['staff', 'cpd-lead'], teams: { aadObjectId: LEAD.aadObjectId } }));
    await h.store.staff.create(Staff.parse({ tenantId: TENANT, id: 'stf-morgan', name: MORGAN.name, email: 'morgan@school.example', roles: ['staff', 'line-manager'], teams: { aadObjectId: MORGAN.aadObjectId } }));
    await h.store.staff.put(Staff.parse({ ...(await h.store.staff.get(TENANT, 'stf-jo'))!.value, pathway: 'ect', lineManagerId: 'stf-morgan' }));
    await h.store.staff.put(Staff.parse({ ...(await h.store.staff.get(TENANT, 'stf-sam'))!.value, teams: { aadObjectId: SAM.aadObjectId } }));
    await seedMentoring(h.store, TENANT, { mentorId: 'stf-sam', tutorId: 'stf-lee' });
    scheduler = startTestScheduler(h, [h.bot.sender]);
    h.clock.set('2026-09-04T10:00:00.000Z');
    for (const user of [JO, SAM, LEAD, MORGAN]) await postActivity(h, installActivity(h, user));
  });
  afterAll(async () => {
    await scheduler.stop();
    await h.close();
  });

  const cardsTo = (user: TeamsUser, text: string) => h.connector.sentTo(user.conversationId).map((a) => FakeConnector.card(a)).filter((c) => c && JSON.stringify(c).includes(text)) as Json[];
  const press = async (user: TeamsUser, verb: string, data: Record<string, unknown>) => invokeCard((await postActivity(h, cardActionActivity(h, user, verb, data))).body).value as unknown as Json;
  const verbsOf = (card: Json) => cardElements(card).filter((e) => e.type === 'Action.Execute').map((e) => e.verb);
  const tick = async (at: string) => {
    h.clock.set(at);
    await scheduler.runOnce();
  };

  it('week 2: both are reminded with the focus; the mentor records it; the mentee gets the record, reflects; the line manager sees none of it', async () => {
    // Monday of week 2, before the school day: nothing yet (quiet hours, and the rule's 08:00).
    await tick('2026-09-07T06:00:00.000Z');
    expect(cardsTo(JO, FOCUS_1)).toEqual([]);
    await tick('2026-09-07T07:00:00.000Z'); // 08:00 BST
    const joReminder = cardsTo(JO, FOCUS_1).at(-1)!;
    const samReminder = cardsTo(SAM, FOCUS_1).at(-1)!;
    expect(cardText(joReminder)).toContain('Meeting with your subject mentor, Sam Lee');
    expect(cardText(samReminder)).toContain('Meeting with Jo Patel (you are their subject mentor)');
    expect(verbsOf(joReminder)).toEqual(['mentoring.move.open']);
    expect(verbsOf(samReminder)).toEqual(['mentoring.record.open', 'mentoring.move.open']);
    expect(cardsTo(MORGAN, FOCUS_1)).toEqual([]);
    // Planning again sends nothing twice (deterministic ids).
    await tick('2026-09-07T09:00:00.000Z');
    expect(cardsTo(JO, FOCUS_1)).toHaveLength(1);

    // Jo cannot record it; Sam opens the form.
    expect(JSON.stringify(await press(JO, 'mentoring.record.open', { mentoringMeetingId: M1 }))).toContain('Only the mentor records');
    const form = await press(SAM, 'mentoring.record.open', { mentoringMeetingId: M1 });
    expect(cardElements(form).filter((e) => String(e.type).startsWith('Input.')).map((e) => e.id)).toEqual(
      ['heldOn', 'focus', 'wentWell', 'action1', 'action1Due', 'action2', 'action2Due', 'action3', 'action3Due', 'nextMeetingOn', 'minutes'],
    );
    h.clock.set('2026-09-08T14:00:00.000Z');
    const record = { mentoringMeetingId: M1, heldOn: '2026-09-08', focus: FOCUS_1, wentWell: 'Routines at the door; Year 9 settled faster.', action1: 'Observe a Year 8 lesson with Sam', action1Due: '', nextMeetingOn: '2026-09-15', minutes: '45' };
    const refused = await press(SAM, 'mentoring.record.submit', record);
    expect(cardText(refused)).toContain('Give the day it is due by.');
    expect((await h.store.mentoringMeetings.get(TENANT, M1))?.value.status).toBe('planned');
    const saved = await press(SAM, 'mentoring.record.submit', { ...record, action1Due: '2026-09-18' });
    expect(cardText(saved)).toContain('Jo Patel is sent the record');
    expect((await h.store.mentoringMeetings.get(TENANT, M1))?.value).toMatchObject({ status: 'held', record: { heldOn: '2026-09-08', minutes: 45, recordedBy: 'stf-sam', actions: [{ id: 'a1', dueOn: '2026-09-18' }] } });

    await tick('2026-09-08T14:05:00.000Z');
    const joRecord = cardsTo(JO, 'Routines at the door').at(-1)!;
    expect(cardText(joRecord)).toContain('Observe a Year 8 lesson with Sam');
    expect(cardElements(joRecord).some((e) => e.id === 'reflection')).toBe(true);
    // Privacy: the record goes only to Jo and her mentor; her line manager neither gets it nor can open it.
    expect(h.connector.sentTo(MORGAN.conversationId).some((a) => JSON.stringify(a).includes('Routines at the door'))).toBe(false);
    expect(JSON.stringify(await press(MORGAN, 'mentoring.reflect.open', { mentoringMeetingId: M1 }))).toContain('not yours to see');
    const recordDeliveries = (await h.store.deliveries.find(TENANT, { where: { kind: 'mentoring-record' } })).map((d) => d.value.recipientId);
    expect(recordDeliveries).toEqual(['stf-jo']);

    expect(cardText(await press(JO, 'mentoring.reflect.submit', { mentoringMeetingId: M1, reflection: '  ' }))).toContain('Write a line or two.');
    const reflected = await press(JO, 'mentoring.reflect.submit', { mentoringMeetingId: M1, reflection: 'Seating plans first: the calmer start helped Year 9.' });
    expect(cardText(reflected)).toContain('Your mentor can read it');
    expect((await h.store.mentoringMeetings.get(TENANT, M1))?.value.reflection?.text).toMatch(/^Seating plans first/);
    for (const c of [joReminder, samReminder, form, refused, saved, joRecord, reflected]) expect(adaptiveCardProblems(c)).toEqual([]);
  });

  it('a missed meeting is moved with a reason (a holiday week refused); the old week is kept in its history and both are reminded in the new week', async () => {
    await tick('2026-09-14T07:00:00.000Z');
    expect(cardsTo(JO, FOCUS_2)).toHaveLength(1);
    const holiday = await press(SAM, 'mentoring.move.submit', { mentoringMeetingId: M2, toWeek: '2026-10-28', reason: 'Parents evening' });
    expect(cardText(holiday)).toContain('school holiday');
    expect(cardText(await press(SAM, 'mentoring.move.submit', { mentoringMeetingId: M2, toWeek: '2026-09-23', reason: '' }))).toContain('Say why it is moving.');
    const moved = await press(SAM, 'mentoring.move.submit', { mentoringMeetingId: M2, toWeek: '2026-09-23', reason: 'Parents evening' });
    expect(cardText(moved)).toContain('Moved from the week of Monday 14 September to the week of Monday 21 September: Parents evening');
    expect((await h.store.mentoringMeetings.get(TENANT, M2))?.value).toMatchObject({ weekStart: '2026-09-21', moves: [{ fromWeekStart: '2026-09-14', toWeekStart: '2026-09-21', reason: 'Parents evening', movedBy: 'stf-sam' }] });

    await tick('2026-09-21T07:00:00.000Z');
    expect(cardsTo(JO, FOCUS_2)).toHaveLength(2);
    expect(cardsTo(SAM, FOCUS_2).filter((c) => cardText(c).includes('Week of Monday 21 September'))).toHaveLength(1);
    expect((await h.store.deliveries.get(TENANT, deliveryId('mentoring-reminder', 'stf-jo', M2, '2026-09-21')))?.value.status).toBe('sent');
  });

  it("an agreed action is nudged when due, then overdue; Jo marks it done from the card and the nudges stop", async () => {
    await tick('2026-09-18T07:00:00.000Z');
    const due = cardsTo(JO, 'Observe a Year 8 lesson').filter((c) => cardText(c).includes('Due now')).at(-1)!;
    expect(verbsOf(due)).toEqual(['mentoring.action.done']);
    await tick('2026-09-25T07:00:00.000Z');
    const overdue = cardsTo(JO, 'Observe a Year 8 lesson').filter((c) => cardText(c).includes('Overdue')).at(-1)!;
    expect(cardText(overdue)).toContain('Agreed with Sam Lee on Tuesday 8 September');
    expect(JSON.stringify(await press(MORGAN, 'mentoring.action.done', { mentoringMeetingId: M1, mentoringActionId: 'a1' }))).toContain('not yours to see');
    const done = await press(JO, 'mentoring.action.done', { mentoringMeetingId: M1, mentoringActionId: 'a1' });
    expect(cardText(done)).toContain('Done. Thank you!');
    expect((await h.store.mentoringMeetings.get(TENANT, M1))?.value.record?.actions[0]?.doneAt).toBe('2026-09-25T07:00:00.000Z');
    const before = h.connector.sentTo(JO.conversationId).length;
    await tick('2026-10-02T07:00:00.000Z');
    expect(h.connector.sentTo(JO.conversationId).slice(before).some((a) => JSON.stringify(a).includes('Observe a Year 8 lesson'))).toBe(false);
    for (const c of [due, overdue, done]) expect(adaptiveCardProblems(c)).toEqual([]);
  });

  it('the termly review goes to the mentor and the induction tutor (not the person); marked at risk, the induction tutor is told at once', async () => {
    await tick('2026-12-07T08:00:00.000Z');
    const samPrompt = cardsTo(SAM, 'Progress review: Jo Patel').at(-1)!;
    expect(cardsTo(LEAD, 'Progress review: Jo Patel')).toHaveLength(1);
    expect(cardsTo(JO, 'Progress review: Jo Patel')).toEqual([]);
    expect(cardsTo(MORGAN, 'Progress review: Jo Patel')).toEqual([]);
    const text = cardText(samPrompt);
    expect(text).toContain('Autumn term 2026-27');
    expect(JSON.stringify(samPrompt)).toContain('1 of 2 planned');
    expect(JSON.stringify(samPrompt)).toContain('1 of 1');
    expect(text).toContain('Seating plans first');

    expect(JSON.stringify(await press(JO, 'review.submit', { menteeId: 'stf-jo', reviewTerm: '2026-27:1', outcome: 'on-track', summary: 'Fine' }))).toContain('not yours to see');
    expect(cardText(await press(SAM, 'review.submit', { menteeId: 'stf-jo', reviewTerm: '2026-27:1', outcome: '', summary: 'x' }))).toContain('Choose one.');
    const review = { menteeId: 'stf-jo', reviewTerm: '2026-27:1', outcome: 'at-risk', summary: 'Behaviour management is not yet secure; a support plan is agreed.' };
    const recorded = await press(SAM, 'review.submit', review);
    expect(cardText(recorded)).toContain('Lee Lead, the induction tutor, has been told.');
    const again = await press(SAM, 'review.submit', { ...review, outcome: 'on-track' });
    expect(cardText(again)).toContain('Already recorded; nothing was changed.');
    expect((await h.store.progressReviews.get(TENANT, progressReviewId('stf-jo', '2026-27', 1)))?.value).toMatchObject({ outcome: 'at-risk', recordedBy: 'stf-sam' });

    await tick('2026-12-07T08:01:00.000Z');
    const alert = cardsTo(LEAD, 'At risk: Jo Patel').at(-1)!;
    expect(JSON.stringify(alert)).toContain('Behaviour management is not yet secure');
    expect(cardsTo(MORGAN, 'At risk')).toEqual([]);
    for (const c of [samPrompt, recorded, alert]) expect(adaptiveCardProblems(c)).toEqual([]);
  });
});
